using DurableTask.Core.History;
using PepFunctions.App.Cases;
using PepFunctions.App.Cases.V1;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// The histories of released pipeline versions, committed under <c>tests/App.Tests/Cases/Golden/v{version}</c>, replay
/// against this build step by step (<see cref="PipelineReplayer"/>): a change that would fail an in-flight pipeline, or
/// silently make it do something else, fails here unless it is gated behind a new version.
/// </summary>
/// <remarks>
/// A missing file fails the test. To record it (with the code of the version it belongs to, before any change), run
/// this class with <c>PEP_RECORD_GOLDEN=1</c>: files that exist are never overwritten.
/// </remarks>
public sealed class GoldenHistoryTests
{
    public static TheoryData<string> Scenarios => [.. GoldenScenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Replay_Version1History_TakesTheRecordedStepsAgain(string scenario)
    {
        var history = ReadOrRecord(PipelineVersions.V1, scenario);

        Assert.Equal(PipelineVersions.V1, history.Version);
        Assert.Equal(PipelineVersions.V1, Assert.IsType<ExecutionStartedEvent>(history.Events[1]).Version);
        Assert.IsType<ExecutionCompletedEvent>(history.Events[^2]);
        Assert.Null(PipelineReplayer.FirstDifference(new CasePipeline(), history));
    }

    [Fact]
    public void Replay_UnversionedHistory_RunsVersion1()
    {
        var history = ReadOrRecord(PipelineVersions.V1, "programme-end");
        var unversioned = history with { Events = [.. history.Events.Select(e => e is ExecutionStartedEvent s ? Unversioned(s) : e)] };

        Assert.Null(PipelineReplayer.FirstDifference(new CasePipeline(), unversioned));
    }

    [Fact]
    public void Replay_ChangeWithoutANewVersion_FailsEveryHistory()
    {
        var ungated = new CasePipeline([new ShiftedDeadlines(PipelineVersions.V1)]);

        var passed = GoldenScenarios.All.Where(s => PipelineReplayer.FirstDifference(ungated, ReadOrRecord(PipelineVersions.V1, s.Name)) is null);

        Assert.Empty(passed.Select(s => s.Name));
    }

    [Fact]
    public void Replay_SameChangeGatedBehindVersion2_PassesAndNewInstancesTakeIt()
    {
        var gated = new CasePipeline([new CasePipelineV1(), new ShiftedDeadlines("2.0")]);
        var scenario = GoldenScenarios.All.Single(s => s.Name == "withdrawal-training");

        var failed = GoldenScenarios.All.Select(s => PipelineReplayer.FirstDifference(gated, ReadOrRecord(PipelineVersions.V1, s.Name))).OfType<string>();
        var newer = PipelineRecorder.Record(gated, scenario, "2.0");

        Assert.Empty(failed);
        var firstTimer = newer.Events.OfType<TimerCreatedEvent>().First();
        Assert.Equal((GoldenScenario.Enrolled + GoldenScenario.Durations.AssessmentDeadline).UtcDateTime.AddHours(1), firstTimer.FireAt);
        Assert.Null(PipelineReplayer.FirstDifference(gated, newer));
    }

    private static ExecutionStartedEvent Unversioned(ExecutionStartedEvent started) =>
        new(started.EventId, started.Input)
        {
            Name = started.Name,
            Version = "",
            OrchestrationInstance = started.OrchestrationInstance,
            Timestamp = started.Timestamp,
        };

    private static HistoryFile ReadOrRecord(string version, string scenario)
    {
        var path = HistoryFile.PathOf(version, scenario);
        if (!File.Exists(path))
        {
            Assert.True(Environment.GetEnvironmentVariable("PEP_RECORD_GOLDEN") == "1",
                $"No golden history {path}. Record it with the code of version {version}: PEP_RECORD_GOLDEN=1 dotnet test --filter GoldenHistoryTests");
            PipelineRecorder.Record(new CasePipeline(), GoldenScenarios.All.Single(s => s.Name == scenario), version).WriteNew(path);
        }

        return HistoryFile.Read(path);
    }
}

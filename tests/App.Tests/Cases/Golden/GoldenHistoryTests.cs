using DurableTask.Core.History;
using PepFunctions.App.Cases;
using PepFunctions.App.Cases.V1;
using PepFunctions.Domain;

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
    /// <summary>Every scenario of every version this build runs.</summary>
    public static TheoryData<string, string> Histories
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var version in PipelineVersions.All)
            {
                foreach (var scenario in GoldenScenarios.Of(version.Version))
                {
                    data.Add(version.Version, scenario.Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void Replay_RecordedHistory_TakesTheRecordedStepsAgain(string version, string scenario)
    {
        var history = ReadOrRecord(version, scenario);

        Assert.Equal(version, history.Version);
        Assert.Equal(version, Assert.IsType<ExecutionStartedEvent>(history.Events[1]).Version);
        Assert.IsType<ExecutionCompletedEvent>(history.Events[^2]);
        Assert.Null(PipelineReplayer.FirstDifference(new CasePipeline(), history));
    }

    [Fact]
    public void Record_Version2LateAssessment_RemindsUntilRecordedWhereVersion1RemindedOnce()
    {
        static int Reminders(HistoryFile history) => history.Events.OfType<TaskScheduledEvent>()
            .Count(e => e.Name == nameof(QueueNotification)
                && PipelineExecutor.Converter.Deserialize<NotificationCommand[]>(e.Input)![0].Kind == NotificationKind.AssessmentOverdue);

        Assert.Equal(1, Reminders(ReadOrRecord(PipelineVersions.V1, "assessment-overdue")));
        Assert.Equal(2, Reminders(ReadOrRecord(PipelineVersions.V2, "assessment-reminded-twice")));
    }

    [Fact]
    public void Record_Version2RestartInMentoring_StartsAtTheRecordsFollowUpWithoutApplyingTheReleaseAgain()
    {
        var history = ReadOrRecord(PipelineVersions.V2, "restart-in-mentoring");
        var activities = history.Events.OfType<TaskScheduledEvent>().ToList();

        Assert.DoesNotContain(activities, e => e.Name == nameof(ApplyRelease));
        Assert.Contains("\"FollowUp\":2", activities[0].Input, StringComparison.Ordinal);
        Assert.Contains(nameof(PipelineStage.Ended), Assert.IsType<ExecutionCompletedEvent>(history.Events[^2]).Result, StringComparison.Ordinal);
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
    public void Replay_SameChangeGatedBehindANewVersion_PassesAndNewInstancesTakeIt()
    {
        var gated = new CasePipeline([new CasePipelineV1(), new ShiftedDeadlines("9.0")]);
        var scenario = GoldenScenarios.All.Single(s => s.Name == "withdrawal-training");

        var failed = GoldenScenarios.All.Select(s => PipelineReplayer.FirstDifference(gated, ReadOrRecord(PipelineVersions.V1, s.Name))).OfType<string>();
        var newer = PipelineRecorder.Record(gated, scenario, "9.0");

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
            PipelineRecorder.Record(new CasePipeline(), GoldenScenarios.Of(version).Single(s => s.Name == scenario), version).WriteNew(path);
        }

        return HistoryFile.Read(path);
    }
}

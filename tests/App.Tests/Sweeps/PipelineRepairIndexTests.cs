using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Staff;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>
/// The pipeline repair reads the unfinished-actions index and nothing else: with hundreds of open cases that owe nothing
/// present, a run reads the records of the cases with an action cut off and no other, counted request by request; a run
/// stopped after its batch leaves the rest in the index for the next; a row whose action never wrote its record is cleared.
/// </summary>
/// <remarks>
/// An action is cut off as a crash would cut it (<see cref="FaultyStorage"/>): after its index row and its record are
/// written and before its timeline entry and its event, and it is never sent again. The sweeps under test are built over
/// <see cref="CountedStorage"/>, on the app's task hub, with the app's running pipelines.
/// </remarks>
public sealed class PipelineRepairIndexTests(CaseApp app) : IClassFixture<CaseApp>
{
    private const int NotDueCases = 300;

    [Fact]
    public async Task RunAsync_ManyOpenCasesOweNothing_ReadsOnlyTheCasesWithAnUnfinishedAction()
    {
        await DrainAsync();
        await SeedOpenCasesAsync(NotDueCases);
        var cut = await CutOffAssessmentsAsync(3);
        var counted = CountedStorage.For(app.App);

        var result = await Sweep(counted.Storage, new SweepsOptions { RepairAfter = TimeSpan.Zero }).RunAsync(app.App.Client, CancellationToken.None);

        Assert.Equal((3, 3), (result.Examined, result.Repaired));
        Assert.True(counted.Requests(CaseTables.Cases, "query") == 0, $"The repair queried Cases: {counted}");
        // The record is read twice per case: by the sweep, and by the timeline entry the repair writes (for the report's counts).
        Assert.True(counted.EntitiesRead(CaseTables.Cases) <= 3 * 2, $"The repair read other records than the three cut off: {counted}");
        Assert.True(counted.Requests(UnfinishedActions.TableName, "query") == 1, $"One range query of the index: {counted}");
        // Besides the records: the index rows (one per cut-off attempt on each case), and the saved place of the walk
        // through stopped pipelines (one row; the walk itself is the engine's status query, a page a run).
        Assert.True(counted.TotalEntitiesRead <= 3 * 2 + counted.EntitiesRead(UnfinishedActions.TableName) + 1, $"More read than the cut-off cases: {counted}");
        Assert.True(counted.EntitiesRead(SweepState.TableName) <= 1, $"More than the stopped-pipeline walk's place read: {counted}");
        foreach (var caseId in cut)
        {
            await app.WaitForStageAsync(caseId, PipelineStage.Training);
        }

        counted.Reset();
        var again = await Sweep(counted.Storage, new SweepsOptions { RepairAfter = TimeSpan.Zero }).RunAsync(app.App.Client, CancellationToken.None);
        Assert.Equal(0, again.Examined);
        Assert.True(counted.Requests(UnfinishedActions.TableName, "query") == 1 && counted.EntitiesRead(UnfinishedActions.TableName) == 0,
            $"A run with nothing unfinished is one empty query of the index: {counted}");
        Assert.True(counted.TotalRequests == 3 && counted.TotalEntitiesRead <= 1,
            $"...besides the stopped-pipeline walk's saved place, read and written: {counted}");
    }

    [Fact]
    public async Task RunAsync_StoppedAfterItsBatch_NextRunsGoOnWithTheRest()
    {
        await DrainAsync();
        var cut = await CutOffAssessmentsAsync(3);
        var sweep = Sweep(app.App.Services.GetRequiredService<HubStorage>(), new SweepsOptions { RepairAfter = TimeSpan.Zero, RepairBatch = 2 });

        var first = await sweep.RunAsync(app.App.Client, CancellationToken.None);
        var left = await IndexRowsAsync();
        var second = await sweep.RunAsync(app.App.Client, CancellationToken.None);
        var third = await sweep.RunAsync(app.App.Client, CancellationToken.None);

        Assert.Equal([2, 1, 0], new[] { first.Examined, second.Examined, third.Examined });
        Assert.Contains(Assert.Single(left.Select(row => row.GetString("CaseId")).Distinct()), cut);
        Assert.Empty(await IndexRowsAsync());
        foreach (var caseId in cut)
        {
            await app.WaitForStageAsync(caseId, PipelineStage.Training);
        }
    }

    [Fact]
    public async Task RunAsync_RowWithoutItsRecord_IsClearedAndNothingStarted()
    {
        await DrainAsync();
        var unfinished = app.App.Services.GetRequiredService<UnfinishedActions>();
        var caseId = TestCaseIds.For(Offices.LppKupang, "NEVER-WRITTEN");
        await unfinished.OpenAsync(caseId, "enrolment", DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);

        var result = await Sweep(app.App.Services.GetRequiredService<HubStorage>(), new SweepsOptions()).RunAsync(app.App.Client, CancellationToken.None);

        Assert.Equal((1, 0), (result.Examined, result.Repaired));
        Assert.Empty(await IndexRowsAsync());
        Assert.Null(await app.App.Client.GetInstanceAsync(caseId));
    }

    [Fact]
    public async Task Actions_Completed_LeaveNoRowInTheIndex()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);

        Assert.DoesNotContain(await IndexRowsAsync(), row => row.GetString("CaseId") == caseId);
    }

    /// <summary>The pipeline repair over <paramref name="storage"/>, with the app's other services.</summary>
    private ISweep Sweep(HubStorage storage, SweepsOptions options)
    {
        var cases = new CaseStore(storage, TimeProvider.System);
        var unfinished = new UnfinishedActions(storage);
        var service = ActivatorUtilities.CreateInstance<CaseService>(app.App.Services, cases, new FollowUpStore(storage), new CaseTimeline(storage), unfinished);
        return ActivatorUtilities.CreateInstance<PipelineRepairSweep>(app.App.Services, cases, service, unfinished, storage, Options.Create(options));
    }

    /// <summary>Repairs whatever the class's other tests left, so that each test counts its own cases only.</summary>
    private Task DrainAsync() =>
        Sweep(app.App.Services.GetRequiredService<HubStorage>(), new SweepsOptions { RepairAfter = TimeSpan.Zero }).RunAsync(app.App.Client, CancellationToken.None);

    private async Task<List<TableEntity>> IndexRowsAsync() => await app.RowsAsync(UnfinishedActions.TableName);

    /// <summary>Open case records that owe their pipelines nothing (no action in flight), written as enrolment writes them, in parallel.</summary>
    private async Task SeedOpenCasesAsync(int count)
    {
        var table = app.Table(CaseTables.Cases);
        await table.CreateIfNotExistsAsync();
        var rows = Enumerable.Range(1, count).Select(n =>
        {
            var caseId = TestCaseIds.For(Offices.LppKupang, $"NOT-DUE-{Guid.NewGuid():N}");
            return new TableEntity(caseId, caseId)
            {
                ["OfficeCode"] = Offices.LppKupang,
                ["LapasCode"] = Offices.LppKupang,
                ["Stage"] = n % 2 == 0 ? nameof(PipelineStage.Assessment) : nameof(PipelineStage.Training),
                ["ExpectedReleaseDate"] = "2027-01-01",
                ["CreatedAt"] = DateTimeOffset.UtcNow.AddDays(-30),
                ["Version"] = 1,
            };
        }).ToList();
        foreach (var chunk in rows.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(row => table.AddEntityAsync(row)));
        }
    }

    /// <summary>Enrols <paramref name="count"/> people and cuts each one's assessment off after its record (never sent again).</summary>
    private async Task<List<string>> CutOffAssessmentsAsync(int count)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var officer = StaffDirectory.FindDemo("lapas.kupang")!;
        var request = JsonSerializer.Deserialize<AssessmentRequest>(JsonSerializer.Serialize(CaseApp.Assessment), JsonOptions)!;
        var cut = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var caseId = await CaseApp.EnrolAsync(lapas);
            await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
            var key = $"cut-assess-{caseId}";
            // Cut at the first write that leaves the record written (its office summary, right after it): the index row
            // is written before the record, so the attempts cut before it leave rows of the same case only.
            for (var n = 1; (await app.RecordAsync(caseId))!.GetString("AssessmentKey") != key; n++)
            {
                Assert.True(n <= 12, "The assessment wrote no record in its first 12 writes.");
                Assert.NotNull(await Record.ExceptionAsync(() => Faulty(n).RecordAssessmentAsync(officer, caseId, request, key, app.App.Client, CancellationToken.None)));
            }

            cut.Add(caseId);
        }

        return cut;
    }

    private CaseService Faulty(int failingWrite)
    {
        var storage = FaultyStorage.Storage(app.App, failingWrite);
        return ActivatorUtilities.CreateInstance<CaseService>(app.App.Services,
            new CaseStore(storage, TimeProvider.System), new FollowUpStore(storage), new CaseTimeline(storage), new UnfinishedActions(storage));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

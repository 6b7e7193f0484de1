using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>
/// The history purge removes ended pipelines' histories from the task hub and leaves running ones alone; the case record
/// keeps what the pipeline came to.
/// </summary>
public sealed class HistoryPurgeTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task RunAsync_EndedAndRunningPipelines_PurgesTheEndedOnesOnlyAndTheRecordKeepsTheOutcome()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var ended = await CaseApp.EnrolAsync(lapas);
        var running = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(ended, PipelineStage.Assessment);
        await app.WaitForStageAsync(running, PipelineStage.Assessment);
        await CaseApp.PostAsync(lapas, $"/api/cases/{ended}/withdrawal", new { reason = "ConsentWithdrawn" }, HttpStatusCode.Accepted);
        await app.WaitForCompletionAsync(ended);

        // Every pipeline started before now counts as old enough.
        var sweep = ActivatorUtilities.CreateInstance<HistoryPurgeSweep>(app.App.Services,
            Options.Create(new SweepsOptions { HistoryRetention = TimeSpan.FromTicks(1) }));
        var result = await sweep.RunAsync(app.App.Client, CancellationToken.None);

        Assert.True(result.Examined >= 1, result.ToString());
        Assert.Null(await app.App.Client.GetInstanceAsync(ended));
        Assert.NotNull(await app.App.Client.GetInstanceAsync(running));
        var record = (await app.RecordAsync(ended))!;
        Assert.Equal((nameof(PipelineStage.Withdrawn), nameof(PipelineStage.Withdrawn)), (record.GetString("Stage"), record.GetString("Outcome")));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Instances;

/// <summary>
/// No case stays stuck in a failed pipeline: the repair sweep finds it (<see cref="FailedPipelines"/>), administrators
/// see it with its reason in <c>GET /api/instances?status=Failed</c>, and one restarts it at its stage
/// (<c>POST /api/instances/{id}/restart</c>), after which the person goes on to graduate.
/// </summary>
/// <remarks>
/// The pipeline is forced into <c>Failed</c> the way an instance this build cannot run fails: the app runs with
/// <c>versionFailureStrategy: Fail</c>, and the case's pipeline is replaced by one at a version newer than any it knows.
/// </remarks>
public sealed class FailedPipelineTests(FailedPipelineTests.FailingApp app) : IClassFixture<FailedPipelineTests.FailingApp>
{
    [Fact]
    public async Task RestartInstance_FailedPipelineFoundByTheSweep_RestartsAtItsStageAndTheCaseGraduates()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await CaseApp.EnrolAsync(lapas, CaseApp.Enrollment(expectedRelease: CaseApp.Today));
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        await app.WaitForRecordAsync(caseId, r => r.GetString("Stage") == "Mentoring" && r.GetInt32("NextFollowUp") == 1, "follow-up 1");

        await ForceFailedAsync(caseId);
        await SweepAsync();
        await SweepAsync();

        Assert.Single(await CaseApp.TimelineActionsAsync(pk, caseId), a => a == nameof(TimelineAction.PipelineStopped));
        var failed = await admin.GetFromJsonAsync<JsonElement>("/api/instances?status=Failed");
        var listed = failed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == caseId);
        Assert.StartsWith("VersionMismatch", listed.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using (var restarted = await admin.PostAsync($"/api/instances/{caseId}/restart", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        }

        using (var again = await admin.PostAsync($"/api/instances/{caseId}/restart", null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var running = await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running, "the restarted pipeline");
        Assert.Equal(PipelineStage.Mentoring, running.ReadInputAs<CaseStart>()?.Resume?.Stage);
        var restarts = (await CaseApp.TimelineActionsAsync(pk, caseId)).Count(a => a == nameof(TimelineAction.PipelineControlled));
        Assert.Equal(1, restarts);

        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using (var sales = await pk.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month, salesRupiah = 1_500_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, sales.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(caseId);
        Assert.True(PipelineStage.Graduated == done.ReadOutputAs<CaseOutcome>()?.Stage, $"{done.RuntimeStatus} {done.SerializedOutput}");
    }

    [Fact]
    public async Task StoppedPipelinesPage_FailedPipeline_ShowsItsReasonAndRestartsIt()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas);
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await ForceFailedAsync(caseId);
        using var admin = await Web.StaffSession.SignInAsync(app.App, "admin");
        using var officer = await Web.StaffSession.SignInAsync(app.App, "lapas.kupang");

        var (response, page) = await admin.GetAsync("/kelola/alur");
        var (refused, _) = await officer.GetAsync("/kelola/alur");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var item = page.QuerySelector($"#p-{caseId}");
        Assert.NotNull(item);
        Assert.Equal("Failed", item.QuerySelector(".status")?.TextContent);
        Assert.StartsWith("VersionMismatch", item.QuerySelector(".reason")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alur kasus yang berhenti", page.QuerySelector("h1")?.TextContent);

        var (restarted, _) = await admin.SubmitAsync("/kelola/alur", $"#p-{caseId} form");

        Assert.Equal(HttpStatusCode.Found, restarted.StatusCode);
        Assert.Equal("/kelola/alur", restarted.Headers.Location?.OriginalString);
        var running = await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running, "the restarted pipeline");
        Assert.Equal(PipelineStage.Assessment, running.ReadInputAs<CaseStart>()?.Resume?.Stage);
        var (_, after) = await admin.GetAsync("/kelola/alur");
        Assert.Null(after.QuerySelector($"#p-{caseId}"));
    }

    [Fact]
    public async Task RestartInstance_NoSuchCase_Returns404()
    {
        var admin = await app.SignInAsync("admin");

        using var response = await admin.PostAsync("/api/instances/case-lpp-kupang-nobody/restart", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Replaces the case's running pipeline by one at a version this build does not know, which the worker fails.</summary>
    private async Task ForceFailedAsync(string caseId)
    {
        var client = app.App.Client;
        var start = (await client.GetInstanceAsync(caseId, getInputsAndOutputs: true))!.ReadInputAs<CaseStart>()!;
        await client.TerminateInstanceAsync(caseId, "test");
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "terminated");
        await client.PurgeInstanceAsync(caseId);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(CasePipeline), start, new StartOrchestrationOptions(caseId) { Version = "99.0" });
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Failed, "failed");
    }

    private async Task SweepAsync()
    {
        ISweep sweep = ActivatorUtilities.CreateInstance<PipelineRepairSweep>(app.App.Services, Options.Create(new SweepsOptions { RepairAfter = TimeSpan.Zero }));
        await sweep.RunOnScheduleAsync(app.App.Client, CancellationToken.None);
    }

    /// <summary>The shortened pipeline, with instances this build cannot run failed rather than left for a newer worker.</summary>
    public sealed class FailingApp : PipelineApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [.. base.Settings, Set("AzureFunctionsJobHost:extensions:durableTask:versionFailureStrategy", "Fail")];
    }
}

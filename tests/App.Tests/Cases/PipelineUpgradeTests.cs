using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// A deployment that raises the pipeline's version: a pipeline started by a build whose current version is 1 and waiting
/// in mentoring finishes on version 1's code under the next build (current version 2), while an enrolment under that build
/// starts at version 2 and takes its new path (a late assessment reminded again and again, where version 1 reminded once).
/// </summary>
/// <remarks>
/// Both builds are this app; the first runs with <c>defaultVersion</c> 1.0 (the setting the older build's host.json had),
/// the second with host.json's. The second takes over the first's task hub, as a new deployment does.
/// </remarks>
public sealed class PipelineUpgradeTests
{
    private static readonly KeyValuePair<string, string?>[] Shortened =
    [
        new("Staff:DemoAccounts", "true"),
        new("Pipeline:AssessmentDeadline", "00:00:03"),
        new("Pipeline:FollowUpInterval", "00:05:00"),
        new("Pipeline:FollowUpCount", "1"),
        new("Pipeline:ReminderLead", "00:00:02"),
        new("Pipeline:GracePeriod", "00:00:02"),
        new("Pipeline:ProgrammePeriod", "00:10:00"),
        new("Pipeline:GraduationMonths", "1"),
        // The older build is stopped while its worker may hold a queue message (an activity's result, a timer): it stays
        // hidden for this long (5 minutes by default) before the newer build takes it, as after a deployment in Azure.
        new("AzureFunctionsJobHost:extensions:durableTask:storageProvider:controlQueueVisibilityTimeout", "00:00:10"),
        new("AzureFunctionsJobHost:extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout", "00:00:10"),
    ];

    [Fact]
    public async Task Deployment_Version1PipelineInMentoring_FinishesOnVersion1WhileNewEnrolmentsTakeVersion2()
    {
        var older = await TestApp.StartAsync([.. Shortened, new("AzureFunctionsJobHost:extensions:durableTask:defaultVersion", "1.0")]);
        string caseId;
        try
        {
            var lapas = await older.SignInAsync("lapas.kupang");
            caseId = await CaseApp.EnrolAsync(lapas, CaseApp.Enrollment(expectedRelease: CaseApp.Today));
            await older.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running, "the pipeline");
            await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
            await older.WaitForInstanceAsync(caseId, i => i.ReadCustomStatusAs<JsonElement>().GetProperty("NextDue").GetString() == "follow-up", "mentoring");
        }
        catch
        {
            await older.DisposeAsync();
            throw;
        }

        await older.StopKeepingHubAsync();
        await using var current = await TestApp.StartAsync([.. Shortened, new("TaskHubName", older.HubName)]);
        var admin = await current.SignInAsync("admin");
        var pk = await current.SignInAsync("pk.kupang");
        var lapasNow = await current.SignInAsync("lapas.kupang");
        var newCase = await CaseApp.EnrolAsync(lapasNow);

        // The new enrolment runs version 2: reminded of its late assessment twice (version 1 reminds once).
        await WaitForAssessmentRemindersAsync(lapasNow, newCase, 2);
        Assert.Equal("2.0", await StartVersionAsync(admin, newCase));
        Assert.Equal("1.0", await StartVersionAsync(admin, caseId));
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/instances/versions");
        Assert.Equal(1, versions.GetProperty("versions").GetProperty("1.0").GetInt32());
        Assert.Equal(1, versions.GetProperty("versions").GetProperty("2.0").GetInt32());
        Assert.Equal(JsonValueKind.Null, versions.GetProperty("continuationToken").ValueKind);

        // The person's record shows administrators the version each pipeline runs, and no one else.
        Assert.Equal("2.0", (await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{newCase}")).GetProperty("progress").GetProperty("pipelineVersion").GetString());
        Assert.Equal("1.0", (await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("progress").GetProperty("pipelineVersion").GetString());
        Assert.False((await lapasNow.GetFromJsonAsync<JsonElement>($"/api/cases/{newCase}")).GetProperty("progress").TryGetProperty("pipelineVersion", out _));
        var page = await admin.GetStringAsync($"/kasus/{newCase}");
        Assert.Contains("Versi alur kasus</th><td>2.0</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Versi alur kasus", await lapasNow.GetStringAsync($"/kasus/{newCase}"), StringComparison.Ordinal);

        // The version 1 pipeline goes on under the new build: follow-up, sales, graduation.
        await CaseApp.PostAsync(pk, $"/api/cases/{caseId}/follow-ups/1", new
        {
            date = CaseApp.Today, mode = "InPerson", businessStatus = "Running", incomeBand = "From1To3M", notes = "Selling at the market",
        }, HttpStatusCode.Accepted);
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await current.WaitForInstanceAsync(caseId, i => i.ReadCustomStatusAs<JsonElement>().GetProperty("NextDue").GetString() == "programme end", "marketing");
        using (var sales = await pk.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month, salesRupiah = 1_500_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, sales.StatusCode);
        }

        var done = await current.WaitForCompletionAsync(caseId);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus} {done.SerializedOutput}");
        Assert.Contains(nameof(PipelineStage.Graduated), done.SerializedOutput, StringComparison.Ordinal);
        Assert.Equal("1.0", await StartVersionAsync(admin, caseId));
    }

    /// <summary>Waits for <paramref name="count"/> notifications on the timeline of a case still in assessment: its reminders.</summary>
    private static async Task WaitForAssessmentRemindersAsync(HttpClient lapas, string caseId, int count)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
        while (true)
        {
            var reminders = (await CaseApp.TimelineActionsAsync(lapas, caseId)).Count(a => a == "NotificationQueued");
            if (reminders >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Pipeline {caseId} sent {reminders} assessment reminders within {TestApp.WaitLimit}, not {count}.");
            await Task.Delay(250);
        }
    }

    private static async Task<string?> StartVersionAsync(HttpClient admin, string caseId)
    {
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{caseId}/history");
        return history.GetProperty("events").EnumerateArray().First(e => e.GetProperty("eventType").GetString() == "ExecutionStarted")
            .GetProperty("version").GetString();
    }
}

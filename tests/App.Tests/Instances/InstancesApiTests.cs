using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Instances;

/// <summary>
/// The administrators' view of the orchestrations (<c>/api/instances</c>), over the case pipelines: each enrolment starts
/// one, with the case id as its instance id, and it waits for the assessment (due in 14 days) until told otherwise.
/// </summary>
public sealed class InstancesApiTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Theory]
    [InlineData("GET", "/api/instances")]
    [InlineData("GET", "/api/instances/case-lpp-kupang-x")]
    [InlineData("GET", "/api/instances/case-lpp-kupang-x/history")]
    [InlineData("POST", "/api/instances/case-lpp-kupang-x/terminate")]
    [InlineData("POST", "/api/instances/case-lpp-kupang-x/suspend")]
    [InlineData("POST", "/api/instances/case-lpp-kupang-x/resume")]
    [InlineData("DELETE", "/api/instances/case-lpp-kupang-x")]
    [InlineData("POST", "/api/instances/case-lpp-kupang-x/restart")]
    public async Task InstanceEndpoint_NotAnAdministrator_Returns401Or403(string method, string path)
    {
        var kanwil = await app.SignInAsync("kanwil.ntt");

        using var anonymous = await app.App.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var other = await kanwil.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/instances/no-such-instance")]
    [InlineData("GET", "/api/instances/no-such-instance/history")]
    [InlineData("POST", "/api/instances/no-such-instance/terminate")]
    [InlineData("POST", "/api/instances/no-such-instance/suspend")]
    [InlineData("POST", "/api/instances/no-such-instance/resume")]
    [InlineData("DELETE", "/api/instances/no-such-instance")]
    public async Task InstanceEndpoint_UnknownInstance_Returns404Problem(string method, string path)
    {
        var admin = await app.SignInAsync("admin");

        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "no-such-instance");
    }

    [Fact]
    public async Task GetInstance_WaitingCase_ShowsItsNameStatusCustomStatusAndInput()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await WaitingCaseAsync();

        var instance = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{caseId}");

        Assert.Equal((caseId, "CasePipeline", "Running"),
            (instance.GetProperty("instanceId").GetString(), instance.GetProperty("name").GetString(), instance.GetProperty("status").GetString()));
        Assert.Equal("Assessment", Payload(instance, "customStatus", "stage").GetString());
        Assert.Equal(caseId, Payload(instance, "input", "caseId").GetString());
        Assert.Equal(JsonValueKind.Null, instance.GetProperty("output").ValueKind);
    }

    [Fact]
    public async Task GetHistory_WaitingCase_ListsItsFirstStepOldestFirst()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await WaitingCaseAsync();

        // The first step's record is written by its activity; the orchestration's history takes the activity's result a moment later.
        var history = await Support.TestApp.WaitForJsonAsync(admin, $"/api/instances/{caseId}/history",
            h => h.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("eventType").GetString() == "TaskCompleted"), "the first step's completion");

        Assert.Equal(caseId, history.GetProperty("instanceId").GetString());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        var started = events.First(e => e.GetProperty("eventType").GetString() == "ExecutionStarted");
        Assert.Equal("CasePipeline", started.GetProperty("name").GetString());
        var scheduled = events.First(e => e.GetProperty("eventType").GetString() == "TaskScheduled");
        Assert.Equal("RecordProgress", scheduled.GetProperty("name").GetString());
        var completed = events.First(e => e.GetProperty("eventType").GetString() == "TaskCompleted");
        Assert.Equal(scheduled.GetProperty("taskId").GetInt32(), completed.GetProperty("taskId").GetInt32());
        Assert.True(events.IndexOf(started) < events.IndexOf(scheduled) && events.IndexOf(scheduled) < events.IndexOf(completed), history.ToString());
        Assert.DoesNotContain(events, e => e.GetProperty("eventType").GetString() == "ExecutionCompleted");
    }

    [Fact]
    public async Task Terminate_WaitingCase_EndsTerminatedWithTheReasonAndCanThenBePurged()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await WaitingCaseAsync();

        using var response = await admin.PostAsJsonAsync($"/api/instances/{caseId}/terminate", new { reason = "Enrolled by mistake" });
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "Terminated");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/instances/{caseId}", response.Headers.Location?.OriginalString);
        var ended = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{caseId}");
        Assert.Equal(("Terminated", "Enrolled by mistake"), (ended.GetProperty("status").GetString(), ended.GetProperty("output").GetString()));
        using var again = await admin.PostAsJsonAsync($"/api/instances/{caseId}/suspend", new { reason = "Too late" });
        await AssertProblemAsync(again, HttpStatusCode.Conflict, caseId);

        using var purged = await admin.DeleteAsync($"/api/instances/{caseId}");

        Assert.Equal(HttpStatusCode.NoContent, purged.StatusCode);
        using var gone = await admin.GetAsync($"/api/instances/{caseId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(await app.App.Client.GetInstanceAsync(caseId));
    }

    [Fact]
    public async Task SuspendThenResume_WaitingCase_PausesThenEndsOnTheWithdrawalSentMeanwhile()
    {
        var admin = await app.SignInAsync("admin");
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await WaitingCaseAsync();

        using (var suspend = await admin.PostAsJsonAsync($"/api/instances/{caseId}/suspend", new { reason = "Paused for review" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        }

        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "Suspended");
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/withdrawal", new { reason = "ConsentWithdrawn" }, HttpStatusCode.Accepted);
        var paused = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{caseId}");
        Assert.Equal("Suspended", paused.GetProperty("status").GetString());
        using (var resume = await admin.PostAsync($"/api/instances/{caseId}/resume", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(caseId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{caseId}");
        Assert.Equal("Withdrawn", Payload(shown, "output", "stage").GetString());
        var events = (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{caseId}/history")).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("eventType").GetString() == "ExecutionSuspended" && e.GetProperty("reason").GetString() == "Paused for review");
        Assert.Contains(events, e => e.GetProperty("eventType").GetString() == "ExecutionResumed");
    }

    [Fact]
    public async Task EveryUseOnACasePipeline_IsOnTheCaseTimelineWithTheAdministratorAndWithoutTheReason()
    {
        var admin = await app.SignInAsync("admin");
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await WaitingCaseAsync();

        (await admin.GetAsync($"/api/instances/{caseId}")).Dispose();
        (await admin.GetAsync($"/api/instances/{caseId}/history")).Dispose();
        (await admin.PostAsJsonAsync($"/api/instances/{caseId}/suspend", new { reason = "Ibu Maria asked" })).Dispose();
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "Suspended");
        (await admin.PostAsync($"/api/instances/{caseId}/resume", null)).Dispose();
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running, "Running");
        (await admin.PostAsync($"/api/instances/{caseId}/terminate", null)).Dispose();
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "Terminated");
        (await admin.DeleteAsync($"/api/instances/{caseId}")).Dispose();

        var timeline = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline");
        var controls = timeline.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "PipelineControlled")
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Detail: e.GetProperty("detail").GetString())).ToList();
        Assert.Equal(
            ["StatusRead", "HistoryRead", "Suspended", "Resumed", "Terminated", "Purged"],
            controls.Select(c => c.Detail!.Replace("Administrator: ", "", StringComparison.Ordinal)));
        Assert.All(controls, c => Assert.Equal("admin", c.Actor));
        Assert.DoesNotContain("Maria", timeline.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The Durable Functions client resumes only a suspended instance and suspends only a running one
    /// (Azure/azure-functions-durable-extension <c>DurableClient.ResumeAsync</c> / <c>SuspendAsync</c>); refused, nothing
    /// is sent and nothing is written to the case's timeline.
    /// </summary>
    [Fact]
    public async Task ResumeRunningAndSuspendSuspended_WaitingCase_Return409AndWriteNoTimelineEntry()
    {
        var admin = await app.SignInAsync("admin");
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await WaitingCaseAsync();

        using var resume = await admin.PostAsync($"/api/instances/{caseId}/resume", null);
        await AssertProblemAsync(resume, HttpStatusCode.Conflict, caseId);
        using (var suspend = await admin.PostAsync($"/api/instances/{caseId}/suspend", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        }

        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "Suspended");
        using var again = await admin.PostAsync($"/api/instances/{caseId}/suspend", null);

        await AssertProblemAsync(again, HttpStatusCode.Conflict, caseId);
        var timeline = await lapas.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline");
        var controls = timeline.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "PipelineControlled")
            .Select(e => e.GetProperty("detail").GetString()!.Replace("Administrator: ", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Suspended"], controls);
    }

    [Fact]
    public async Task Purge_RunningInstance_Returns409AndKeepsIt()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await WaitingCaseAsync();

        using var response = await admin.DeleteAsync($"/api/instances/{caseId}");

        await AssertProblemAsync(response, HttpStatusCode.Conflict, caseId);
        using var stillThere = await admin.GetAsync($"/api/instances/{caseId}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task List_ByPrefixAndStatus_ReturnsOnlyMatchingInstancesAPageAtATime()
    {
        var admin = await app.SignInAsync("admin");
        // Case ids are opaque (a keyed hash), so no two share more than the prefix: page through all, filter by one's id.
        var first = await WaitingCaseAsync();
        var second = await WaitingCaseAsync();
        const string prefix = CaseIdGenerator.Prefix;

        var page1 = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?prefix={prefix}&pageSize=1");
        var token = page1.GetProperty("continuationToken").GetString();
        var page2 = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?prefix={prefix}&pageSize=1&continuationToken={Uri.EscapeDataString(token!)}");
        using (var terminate = await admin.PostAsync($"/api/instances/{first}/terminate", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        await app.App.WaitForInstanceAsync(first, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "Terminated");
        var running = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?status=Running&status=Pending&prefix={second}");
        var firstRunning = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?status=Running&status=Pending&prefix={first}");
        var terminated = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?status=Terminated&prefix={first}");

        Assert.Single(Ids(page1));
        Assert.Single(Ids(page2));
        Assert.NotEqual(Ids(page1), Ids(page2));
        Assert.All(Ids(page1).Concat(Ids(page2)), id => Assert.StartsWith(prefix, id, StringComparison.Ordinal));
        Assert.Equal([second], Ids(running));
        Assert.Empty(Ids(firstRunning));
        var only = Assert.Single(terminated.GetProperty("items").EnumerateArray());
        Assert.Equal((first, "CasePipeline"), (only.GetProperty("instanceId").GetString(), only.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=many", "pageSize")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    public async Task List_BadQuery_Returns400NamingTheField(string query, string field)
    {
        var admin = await app.SignInAsync("admin");

        using var response = await admin.GetAsync($"/api/instances?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    /// <summary>Enrols a person at Lapas Perempuan Kupang and waits until the pipeline waits for the assessment.</summary>
    private async Task<string> WaitingCaseAsync(string registrationPrefix = "WBP-")
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await CaseApp.EnrolAsync(lapas, CaseApp.Enrollment(registrationPrefix: registrationPrefix));
        await app.WaitForStageAsync(caseId, PipelineStage.Assessment);
        await app.App.WaitForInstanceAsync(caseId, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running, "Running");
        return caseId;
    }

    /// <summary>
    /// A member of an instance's stored payload (input, output or custom status). Payloads are JSON as the host's data
    /// converter wrote them, whose property names are camelCase under the Functions host and PascalCase under the local runner.
    /// </summary>
    private static JsonElement Payload(JsonElement instance, string payload, string member) =>
        instance.GetProperty(payload).EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } found
            ? found.Value
            : throw new KeyNotFoundException($"The instance's {payload} has no {member}: {instance}");

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("instanceId").GetString()!);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string instanceId)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(instanceId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Durable;

namespace PepFunctions.App.Tests.Instances;

public sealed class InstancesApiTests
{
    [Fact]
    public async Task GetHistory_CompletedHello_ListsEachActivityScheduledAndCompleted()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("hello", new { name = "Kupang" });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        var history = await app.Http.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history");

        Assert.Equal(instanceId, history.GetProperty("instanceId").GetString());
        var events = history.GetProperty("events").EnumerateArray().ToArray();
        var kinds = events.Select(e => e.GetProperty("$e").GetString()).ToArray();
        Assert.Equal(3, kinds.Count(kind => kind == "TaskScheduled"));
        Assert.Equal(3, kinds.Count(kind => kind == "TaskCompleted"));
        Assert.Equal("ExecutionCompleted", kinds[^1]);
        Assert.All(events.Where(e => e.GetProperty("$e").GetString() == "TaskScheduled"), e => Assert.Equal("SayHello", e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task GetInstance_Unknown_Returns404Problem()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Http.GetAsync("/api/instances/no-such-instance");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "no-such-instance");
    }

    [Theory]
    [InlineData("GET", "/api/instances/no-such-instance/history")]
    [InlineData("POST", "/api/instances/no-such-instance/events/Approval")]
    [InlineData("POST", "/api/instances/no-such-instance/terminate")]
    [InlineData("POST", "/api/instances/no-such-instance/suspend")]
    [InlineData("POST", "/api/instances/no-such-instance/resume")]
    [InlineData("DELETE", "/api/instances/no-such-instance")]
    public async Task InstanceEndpoint_UnknownInstance_Returns404Problem(string method, string path)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "no-such-instance");
    }

    [Fact]
    public async Task RaiseEvent_EndedInstance_Returns409Problem()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("hello", new { name = "Kupang" });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        using var response = await app.PostAsync($"/api/instances/{instanceId}/events/Approval");

        await AssertProblemAsync(response, HttpStatusCode.Conflict, instanceId);
    }

    [Fact]
    public async Task Terminate_WaitingApproval_EndsTerminatedWithTheReason()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("approval", new { });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Running);

        using var response = await app.PostAsync($"/api/instances/{instanceId}/terminate", new { reason = "Withdrawn" });
        var ended = await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Terminated);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Withdrawn", ended.GetProperty("failure").GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("output").ValueKind);
    }

    [Fact]
    public async Task SuspendThenResume_WaitingApproval_PausesThenCompletesOnItsEvent()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("approval", new { });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Running);

        (await app.PostAsync($"/api/instances/{instanceId}/suspend", new { reason = "Paused for review" })).Dispose();
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Suspended);
        (await app.PostAsync($"/api/instances/{instanceId}/events/Approval", new { approved = true })).Dispose();
        (await app.PostAsync($"/api/instances/{instanceId}/resume")).Dispose();
        var done = await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        Assert.Equal("Approved", done.GetProperty("output").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Purge_RunningInstance_Returns409AndKeepsIt()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("approval", new { });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Running);

        using var response = await app.Http.DeleteAsync($"/api/instances/{instanceId}");

        await AssertProblemAsync(response, HttpStatusCode.Conflict, instanceId);
        using var stillThere = await app.Http.GetAsync($"/api/instances/{instanceId}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Purge_EndedInstance_Returns204AndDeletesIt()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("hello", new { name = "Kupang" });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        using var response = await app.Http.DeleteAsync($"/api/instances/{instanceId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var gone = await app.Http.GetAsync($"/api/instances/{instanceId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task List_ByStatusAndPrefix_ReturnsOnlyMatchingInstances()
    {
        await using var app = await TestApp.StartAsync();
        var waiting = await app.StartSampleAsync("approval", new { instanceId = "batch1-approval" });
        var greeted = await app.StartSampleAsync("hello", new { name = "Kupang", instanceId = "batch1-hello" });
        await app.StartSampleAsync("approval", new { instanceId = "batch2-approval" });
        await app.WaitForStatusAsync(waiting, OrchestrationStatus.Running);
        await app.WaitForStatusAsync(greeted, OrchestrationStatus.Completed);

        var page = await app.Http.GetFromJsonAsync<JsonElement>("/api/instances?status=Running&status=Pending&prefix=batch1-&pageSize=10");

        var items = page.GetProperty("items").EnumerateArray().ToArray();
        var only = Assert.Single(items);
        Assert.Equal(waiting, only.GetProperty("instanceId").GetString());
        Assert.Equal("ApprovalWorkflow", only.GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_PageSizeOne_ReturnsContinuationTokenForTheRest()
    {
        await using var app = await TestApp.StartAsync();
        await app.StartSampleAsync("approval", new { instanceId = "page-a" });
        await app.StartSampleAsync("approval", new { instanceId = "page-b" });

        var first = await app.Http.GetFromJsonAsync<JsonElement>("/api/instances?prefix=page-&pageSize=1");
        var token = first.GetProperty("continuationToken").GetString();
        var second = await app.Http.GetFromJsonAsync<JsonElement>($"/api/instances?prefix=page-&pageSize=1&continuationToken={Uri.EscapeDataString(token!)}");

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("instanceId").GetString()!);
        Assert.Equal(["page-a", "page-b"], ids);
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=many", "pageSize")]
    public async Task List_BadQuery_Returns400NamingTheField(string query, string field)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Http.GetAsync($"/api/instances?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string instanceId)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(instanceId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Durable;

namespace PepFunctions.App.Tests.Samples;

public sealed class SamplesApiTests
{
    [Fact]
    public async Task StartHello_Name_CompletesWithThreeGreetings()
    {
        await using var app = await TestApp.StartAsync();

        var instanceId = await app.StartSampleAsync("hello", new { name = "Kupang" });
        var done = await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        Assert.Equal("HelloSequence", done.GetProperty("name").GetString());
        Assert.Equal("Kupang", done.GetProperty("input").GetString());
        Assert.Equal(
            ["Hello, Kupang!", "Hello, Ende!", "Hello, Maumere!"],
            done.GetProperty("output").EnumerateArray().Select(greeting => greeting.GetString()!));
        Assert.Equal(3, done.GetProperty("customStatus").GetProperty("greeted").GetInt32());
    }

    [Fact]
    public async Task StartHello_GivenInstanceId_UsesIt()
    {
        await using var app = await TestApp.StartAsync();

        var instanceId = await app.StartSampleAsync("hello", new { name = "Kupang", instanceId = "hello-given-id" });

        Assert.Equal("hello-given-id", instanceId);
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task StartHello_MissingName_Returns400NamingNameAndCreatesNothing(string? name)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostAsync("/api/samples/hello", new { name });

        await AssertValidationProblemAsync(response, "name");
        Assert.Equal(0, await app.CountInstancesAsync());
    }

    [Fact]
    public async Task StartHello_NoBody_Returns400NamingName()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Http.PostAsync("/api/samples/hello", JsonContent.Create<object?>(null));

        await AssertValidationProblemAsync(response, "name");
    }

    [Theory]
    [InlineData("a#b")]
    [InlineData("a/b")]
    [InlineData("what?")]
    public async Task StartHello_InstanceIdWithForbiddenCharacter_Returns400NamingInstanceIdAndCreatesNothing(string instanceId)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostAsync("/api/samples/hello", new { name = "Kupang", instanceId });

        var errors = await AssertValidationProblemAsync(response, "instanceId");
        Assert.Contains("must not contain", errors.GetProperty("instanceId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountInstancesAsync());
    }

    [Fact]
    public async Task StartHello_InstanceIdInUse_Returns409Problem()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("hello", new { name = "Kupang", instanceId = "taken" });

        using var response = await app.PostAsync("/api/samples/hello", new { name = "Ende", instanceId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await app.CountInstancesAsync());
    }

    [Fact]
    public async Task StartApproval_ApprovalEventRaised_CompletesApproved()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("approval", new { });
        await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Running);

        using var raised = await app.PostAsync($"/api/instances/{instanceId}/events/Approval", new { approved = true, comment = "Lengkap" });
        var done = await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal("Approved", done.GetProperty("output").GetProperty("outcome").GetString());
        Assert.Equal("Lengkap", done.GetProperty("output").GetProperty("comment").GetString());
        Assert.Equal("Approved", done.GetProperty("customStatus").GetString());
    }

    [Fact]
    public async Task StartApproval_RejectionRaisedRightAfterStart_CompletesRejected()
    {
        await using var app = await TestApp.StartAsync();
        var instanceId = await app.StartSampleAsync("approval", new { instanceId = "early-event" });

        using var raised = await app.PostAsync($"/api/instances/{instanceId}/events/Approval", new { approved = false });
        var done = await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        Assert.Equal("Rejected", done.GetProperty("output").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task StartApproval_NoEventWithinTimeout_CompletesTimedOut()
    {
        await using var app = await TestApp.StartAsync("--Samples:ApprovalTimeout=00:00:01");

        var instanceId = await app.StartSampleAsync("approval", new { });
        var done = await app.WaitForStatusAsync(instanceId, OrchestrationStatus.Completed);

        Assert.Equal("TimedOut", done.GetProperty("output").GetProperty("outcome").GetString());
        Assert.Equal("00:00:01", done.GetProperty("input").GetProperty("timeout").GetString());
    }

    private static async Task<JsonElement> AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"The problem should name '{field}': {problem}");
        return errors;
    }
}

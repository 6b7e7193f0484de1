using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class TerminateAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, string>("AwaitGo", (ctx, _) => ctx.WaitForExternalEvent<string>("Go"))
        .AddOrchestrator<string?, string>("Quick", (_, _) => Task.FromResult("done"));

    [Fact]
    public async Task TerminateAsync_RunningInstance_EndsTerminatedWithTheReason()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        await hub.Client.TerminateAsync(id, "duplicate request");

        var ended = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Terminated, ended.Status);
        Assert.Equal("duplicate request", ended.FailureDetails?.ErrorMessage);
        Assert.Null(ended.SerializedOutput);
        var terminated = Assert.Single((await hub.Client.GetHistoryAsync(id)).OfType<ExecutionTerminated>());
        Assert.Equal("duplicate request", terminated.Reason);
    }

    [Fact]
    public async Task TerminateAsync_AfterwardsRaisingAnEvent_ThrowsBecauseTheInstanceEnded()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        await hub.Client.TerminateAsync(id);
        await hub.WaitAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.RaiseEventAsync(id, "Go", "late"));

        Assert.Equal(OrchestrationStatus.Terminated, (await hub.Client.GetInstanceAsync(id))?.Status);
    }

    [Fact]
    public async Task TerminateAsync_CompletedInstance_ThrowsAndKeepsItCompleted()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Quick");
        await hub.WaitAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.TerminateAsync(id));

        Assert.Equal(OrchestrationStatus.Completed, (await hub.Client.GetInstanceAsync(id))?.Status);
    }

    [Fact]
    public async Task TerminateAsync_UnknownInstance_ThrowsInstanceNotFound()
    {
        await using var hub = await TestHub.StartAsync(Register);

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => hub.Client.TerminateAsync("nobody"));
    }
}

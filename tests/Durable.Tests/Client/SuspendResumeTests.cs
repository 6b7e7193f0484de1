using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class SuspendResumeTests
{
    private static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestrator<string?, string>("AwaitGo", (ctx, _) => ctx.WaitForExternalEvent<string>("Go"));

    [Fact]
    public async Task SuspendAsync_EventRaisedWhileSuspended_ProcessedOnlyAfterResume()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        await hub.Client.SuspendAsync(id, "audit");
        var suspended = await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Suspended);
        await hub.Client.RaiseEventAsync(id, "Go", "now");
        await hub.WaitForEmptyQueueAsync();

        var stillSuspended = await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationStatus.Suspended, stillSuspended?.Status);
        Assert.Null(stillSuspended?.SerializedOutput);
        Assert.True(stillSuspended?.LastUpdatedAt > suspended.LastUpdatedAt, "the event should have been taken in and held");
        Assert.Empty((await hub.Client.GetHistoryAsync(id)).OfType<EventRaised>());

        await hub.Client.ResumeAsync(id, "audit done");

        var done = await hub.WaitAsync(id);
        Assert.Equal((OrchestrationStatus.Completed, "now"), (done.Status, done.ReadOutputAs<string>()));
        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Equal("audit", Assert.Single(history.OfType<ExecutionSuspended>()).Reason);
        Assert.Equal("audit done", Assert.Single(history.OfType<ExecutionResumed>()).Reason);
        Assert.True(
            history.ToList().IndexOf(history.OfType<ExecutionResumed>().Single()) < history.ToList().IndexOf(history.OfType<EventRaised>().Single()),
            "the event should be applied after the resume");
    }

    [Fact]
    public async Task TerminateAsync_SuspendedInstance_EndsTerminated()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        await hub.Client.SuspendAsync(id);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Suspended);

        await hub.Client.TerminateAsync(id, "abandoned");

        var ended = await hub.WaitAsync(id);
        Assert.Equal((OrchestrationStatus.Terminated, "abandoned"), (ended.Status, ended.FailureDetails?.ErrorMessage));
    }
}

using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class StartNewAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string, string>("Echo", (_, input) => Task.FromResult("echo:" + input))
        .AddOrchestrator<string, string>("AwaitApproval", async (ctx, input) =>
            $"{input}:{await ctx.WaitForExternalEvent<string>("Approval")}")
        .AddOrchestrator<string, string>("StartedAt", (ctx, input) => Task.FromResult($"{input}@{ctx.CurrentUtcDateTime:O}"));

    [Fact]
    public async Task StartNewAsync_CallerChosenId_RunsUnderThatId()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("Echo", "hi", new StartOrchestrationOptions { InstanceId = "order-42" });

        Assert.Equal("order-42", id);
        var done = await hub.WaitAsync("order-42");
        Assert.Equal((OrchestrationStatus.Completed, "Echo", "echo:hi"), (done.Status, done.Name, done.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task StartNewAsync_NoId_GeneratesADistinctIdEachTime()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var first = await hub.Client.StartNewAsync("Echo", "a");
        var second = await hub.Client.StartNewAsync("Echo", "b");

        Assert.NotEqual(first, second);
        Assert.Equal("echo:a", (await hub.WaitAsync(first)).ReadOutputAs<string>());
        Assert.Equal("echo:b", (await hub.WaitAsync(second)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartNewAsync_IdOfRunningInstance_ThrowsAndLeavesTheInstanceAsItWas()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var options = new StartOrchestrationOptions { InstanceId = "claim-1" };
        await hub.Client.StartNewAsync("AwaitApproval", "first", options);
        var before = await hub.WaitUntilAsync("claim-1", i => i.Status == OrchestrationStatus.Running);

        var ex = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => hub.Client.StartNewAsync("AwaitApproval", "second", options));

        Assert.Equal(("claim-1", OrchestrationStatus.Running), (ex.InstanceId, ex.Status));
        var after = await hub.Client.GetInstanceAsync("claim-1", getInputsAndOutputs: true);
        Assert.Equal((before.ExecutionId, before.CreatedAt, "\"first\""), (after?.ExecutionId, after?.CreatedAt, after?.SerializedInput));
        await hub.Client.RaiseEventAsync("claim-1", "Approval", "ok");
        Assert.Equal("first:ok", (await hub.WaitAsync("claim-1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartNewAsync_IdOfCompletedInstanceByDefault_Throws()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var options = new StartOrchestrationOptions { InstanceId = "done-1" };
        await hub.Client.StartNewAsync("Echo", "a", options);
        await hub.WaitAsync("done-1");

        var ex = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => hub.Client.StartNewAsync("Echo", "b", options));

        Assert.Equal(OrchestrationStatus.Completed, ex.Status);
        Assert.Equal("echo:a", (await hub.Client.GetInstanceAsync("done-1", getInputsAndOutputs: true))?.ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartNewAsync_ReturnExistingIfActiveWhileRunning_ReturnsIdWithoutASecondInstance()
    {
        await using var hub = await TestHub.StartAsync(Register);
        await hub.Client.StartNewAsync("AwaitApproval", "first", new StartOrchestrationOptions { InstanceId = "claim-2" });
        var before = await hub.WaitUntilAsync("claim-2", i => i.Status == OrchestrationStatus.Running);

        var id = await hub.Client.StartNewAsync(
            "AwaitApproval", "second", new StartOrchestrationOptions { InstanceId = "claim-2", IfExists = InstanceIdReuse.ReturnExistingIfActive });

        Assert.Equal("claim-2", id);
        var all = await hub.AllInstancesAsync();
        Assert.Equal(["claim-2"], all.Select(i => i.InstanceId));
        Assert.Equal(before.ExecutionId, all[0].ExecutionId);
        await hub.Client.RaiseEventAsync("claim-2", "Approval", "ok");
        Assert.Equal("first:ok", (await hub.WaitAsync("claim-2")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartNewAsync_ReturnExistingIfActiveAfterItEnded_StartsANewExecution()
    {
        await using var hub = await TestHub.StartAsync(Register);
        await hub.Client.StartNewAsync("Echo", "a", new StartOrchestrationOptions { InstanceId = "daily" });
        var first = await hub.WaitAsync("daily");

        await hub.Client.StartNewAsync("Echo", "b", new StartOrchestrationOptions { InstanceId = "daily", IfExists = InstanceIdReuse.ReturnExistingIfActive });

        var second = await hub.WaitUntilAsync("daily", i => i.ExecutionId != first.ExecutionId && i.Status == OrchestrationStatus.Completed);
        Assert.Equal("echo:b", second.ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartNewAsync_ReplaceIfEndedOnCompletedInstance_StartsANewExecutionWithFreshHistory()
    {
        await using var hub = await TestHub.StartAsync(Register);
        await hub.Client.StartNewAsync("Echo", "a", new StartOrchestrationOptions { InstanceId = "report" });
        var first = await hub.WaitAsync("report");

        var id = await hub.Client.StartNewAsync("Echo", "b", new StartOrchestrationOptions { InstanceId = "report", IfExists = InstanceIdReuse.ReplaceIfEnded });

        Assert.Equal("report", id);
        var second = await hub.WaitUntilAsync("report", i => i.ExecutionId != first.ExecutionId && i.Status == OrchestrationStatus.Completed);
        Assert.Equal("echo:b", second.ReadOutputAs<string>());
        var started = Assert.Single((await hub.Client.GetHistoryAsync("report")).OfType<ExecutionStarted>());
        Assert.Equal(("\"b\"", second.ExecutionId), (started.Input, started.ExecutionId));
    }

    [Fact]
    public async Task StartNewAsync_ReplaceIfEndedWhileRunning_Throws()
    {
        await using var hub = await TestHub.StartAsync(Register);
        await hub.Client.StartNewAsync("AwaitApproval", "a", new StartOrchestrationOptions { InstanceId = "busy" });
        await hub.WaitUntilAsync("busy", i => i.Status == OrchestrationStatus.Running);

        var ex = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => hub.Client.StartNewAsync(
            "AwaitApproval", "b", new StartOrchestrationOptions { InstanceId = "busy", IfExists = InstanceIdReuse.ReplaceIfEnded }));

        Assert.Equal(OrchestrationStatus.Running, ex.Status);
    }

    [Fact]
    public async Task StartNewAsync_StartAtInTheFuture_PendingUntilTheClockReachesIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var startAt = time.GetUtcNow().AddHours(2);

        var id = await hub.Client.StartNewAsync("StartedAt", "r", new StartOrchestrationOptions { StartAt = startAt });

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(OrchestrationStatus.Pending, (await hub.Client.GetInstanceAsync(id))?.Status);
        Assert.Empty(await hub.Client.GetHistoryAsync(id));
        time.Advance(TimeSpan.FromHours(2));
        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(15));
        Assert.Equal($"r@{startAt.UtcDateTime:O}", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartNewAsync_EventRaisedWhileScheduledStartIsPending_DeliveredOnceItStarts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var id = await hub.Client.StartNewAsync("AwaitApproval", "later", new StartOrchestrationOptions { StartAt = time.GetUtcNow().AddDays(1) });

        await hub.Client.RaiseEventAsync(id, "Approval", "early");
        await hub.WaitForEmptyQueueAsync();
        Assert.Equal(OrchestrationStatus.Pending, (await hub.Client.GetInstanceAsync(id))?.Status);
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("later:early", (await hub.WaitAsync(id, TimeSpan.FromSeconds(15))).ReadOutputAs<string>());
    }
}

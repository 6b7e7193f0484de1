using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class GetInstanceAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("Square", (_, x) => Task.FromResult(x * x))
        .AddOrchestrator<int, int>("Staged", async (ctx, x) =>
        {
            ctx.SetCustomStatus(new Stage("waiting", 1));
            var bonus = await ctx.WaitForExternalEvent<int>("Bonus");
            ctx.SetCustomStatus(new Stage("squaring", 2));
            return await ctx.CallActivityAsync<int>("Square", x + bonus);
        })
        .AddOrchestrator<string, int>("Broken", (_, reason) => throw new InvalidOperationException(reason));

    [Fact]
    public async Task GetInstanceAsync_Completed_ReportsStatusInputOutputCustomStatusAndTimes()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var before = DateTimeOffset.UtcNow;
        var id = await hub.Client.StartNewAsync("Staged", 3);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running && i.SerializedCustomStatus is not null);
        await hub.Client.RaiseEventAsync(id, "Bonus", 1);
        await hub.WaitAsync(id);
        var after = DateTimeOffset.UtcNow;

        var instance = await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.NotNull(instance);
        Assert.Equal((id, "Staged", OrchestrationStatus.Completed), (instance.InstanceId, instance.Name, instance.Status));
        Assert.Equal(3, instance.ReadInputAs<int>());
        Assert.Equal(16, instance.ReadOutputAs<int>());
        Assert.Equal(new Stage("squaring", 2), instance.ReadCustomStatusAs<Stage>());
        Assert.Null(instance.FailureDetails);
        Assert.InRange(instance.CreatedAt, before.AddSeconds(-1), after);
        Assert.InRange(instance.LastUpdatedAt, instance.CreatedAt, after.AddSeconds(1));
        Assert.True(instance.LastUpdatedAt > instance.CreatedAt);
    }

    [Fact]
    public async Task GetInstanceAsync_RunningWithCustomStatus_ReportsTheStatusSoFar()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Staged", 3);

        var running = await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running && i.SerializedCustomStatus is not null);

        Assert.Equal(new Stage("waiting", 1), running.ReadCustomStatusAs<Stage>());
        Assert.Null(running.SerializedOutput);
    }

    [Fact]
    public async Task GetInstanceAsync_WithoutInputsAndOutputs_LeavesPayloadsOut()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Staged", 3);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running && i.SerializedCustomStatus is not null);

        var instance = await hub.Client.GetInstanceAsync(id);

        Assert.NotNull(instance);
        Assert.Null(instance.SerializedInput);
        Assert.Equal(OrchestrationStatus.Running, instance.Status);
    }

    [Fact]
    public async Task GetInstanceAsync_Failed_ReportsFailureDetails()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Broken", "printer on fire");
        await hub.WaitAsync(id);

        var instance = await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.Equal(OrchestrationStatus.Failed, instance?.Status);
        Assert.Equal(("System.InvalidOperationException", "printer on fire"), (instance?.FailureDetails?.ErrorType, instance?.FailureDetails?.ErrorMessage));
        Assert.Null(instance?.SerializedOutput);
    }

    [Fact]
    public async Task GetInstanceAsync_UnknownId_ReturnsNull()
    {
        await using var hub = await TestHub.StartAsync(Register);

        Assert.Null(await hub.Client.GetInstanceAsync("never-started"));
    }

    public sealed record Stage(string Name, int Step);
}

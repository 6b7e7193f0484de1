using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class ActivityContextTests
{
    [Fact]
    public async Task RunAsync_Activity_SeesItsNameInstanceExecutionAndStep()
    {
        await using var hub = await TestHub.StartAsync(r => r
            .AddActivity<string?, string>("Describe", (ctx, _) => Task.FromResult($"{ctx.Name}|{ctx.InstanceId}|{ctx.ExecutionId}|{ctx.TaskId}|{ctx.IdempotencyKey}"))
            .AddOrchestrator<string?, string[]>("DescribeTwice", async (ctx, _) =>
            [
                await ctx.CallActivityAsync<string>("Describe"),
                await ctx.CallActivityAsync<string>("Describe"),
            ]));

        var id = await hub.Client.StartNewAsync("DescribeTwice", null, new StartOrchestrationOptions { InstanceId = "described" });

        var done = await hub.WaitAsync(id);
        var execution = done.ExecutionId;
        Assert.Equal(
            [$"Describe|described|{execution}|0|described/{execution}/0", $"Describe|described|{execution}|1|described/{execution}/1"],
            done.ReadOutputAs<string[]>() ?? []);
    }
}

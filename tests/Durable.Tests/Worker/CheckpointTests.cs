using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class CheckpointTests
{
    [Fact]
    public async Task Worker_ActivitiesOutlastCheckpointAfter_CommitsProgressBeforeTheEnd()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = await TestHub.StartAsync(
            r => r
                .AddActivity<int, int>("Slow", async (_, x) =>
                {
                    if (x == 2)
                    {
                        await release.Task;
                    }
                    else
                    {
                        await Task.Delay(150);
                    }

                    return x;
                })
                .AddOrchestrator<string?, int>("ThreeSlow", async (ctx, _) =>
                    await ctx.CallActivityAsync<int>("Slow", 0) + await ctx.CallActivityAsync<int>("Slow", 1) + await ctx.CallActivityAsync<int>("Slow", 2)),
            o => o.CheckpointAfter = TimeSpan.FromMilliseconds(100));
        var id = await hub.Client.StartNewAsync("ThreeSlow");

        await hub.WaitForHistoryAsync(id, h => h.OfType<TaskCompleted>().Count() >= 2);
        Assert.Equal(OrchestrationStatus.Running, (await hub.Client.GetInstanceAsync(id))?.Status);
        release.SetResult();

        var done = await hub.WaitAsync(id);
        Assert.Equal(3, done.ReadOutputAs<int>());
        Assert.Equal([0, 1, 2], (await hub.Client.GetHistoryAsync(id)).OfType<TaskScheduled>().Select(t => t.TaskId));
    }
}

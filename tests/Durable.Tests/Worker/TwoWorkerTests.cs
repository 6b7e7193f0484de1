using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>Two workers serving one hub never commit a step twice.</summary>
public sealed class TwoWorkerTests
{
    private const int Instances = 30;

    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("AddOne", (_, x) => Task.FromResult(x + 1))
        .AddOrchestrator<int, int>("ThreeSteps", async (ctx, x) =>
        {
            var a = await ctx.CallActivityAsync<int>("AddOne", x);
            var go = await ctx.WaitForExternalEvent<int>("Go");
            var b = await ctx.CallActivityAsync<int>("AddOne", a + go);
            return await ctx.CallActivityAsync<int>("AddOne", b);
        })
        .AddOrchestrator<int, int>("SumEvents", async (ctx, count) =>
        {
            var sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += await ctx.WaitForExternalEvent<int>("Add");
            }

            return sum;
        });

    [Fact]
    public async Task Workers_TwoRacingOverThirtyInstances_EachInstanceCompletesOnceWithEachStepOnce()
    {
        await using var hub = await TestHub.StartAsync(Register, workers: 2);
        var ids = Enumerable.Range(0, Instances).Select(i => $"race-{i:D2}").ToArray();

        await Task.WhenAll(ids.Select((id, i) => hub.Client.StartNewAsync("ThreeSteps", i * 10, new StartOrchestrationOptions { InstanceId = id })));
        await Task.WhenAll(ids.Select(id => hub.Client.RaiseEventAsync(id, "Go", 1000)));
        var done = await Task.WhenAll(ids.Select(id => hub.WaitAsync(id, TimeSpan.FromSeconds(60))));

        for (var i = 0; i < Instances; i++)
        {
            Assert.Equal((OrchestrationStatus.Completed, i * 10 + 1003), (done[i].Status, done[i].ReadOutputAs<int>()));
            var history = await hub.Client.GetHistoryAsync(ids[i]);
            Assert.Single(history.OfType<ExecutionStarted>());
            Assert.Single(history.OfType<ExecutionCompleted>());
            Assert.Single(history.OfType<EventRaised>());
            var scheduled = history.OfType<TaskScheduled>().Select(t => t.TaskId).ToList();
            Assert.Equal([0, 1, 2], scheduled);
            Assert.Equal([0, 1, 2], history.OfType<TaskCompleted>().Select(t => t.TaskId).Order());
        }

        Assert.Empty(await hub.Client.GetDeadLettersAsync());
    }

    [Fact]
    public async Task Workers_TwentyEventsRaisedConcurrentlyToOneInstance_EachAppliedExactlyOnce()
    {
        await using var hub = await TestHub.StartAsync(Register, workers: 2);
        var id = await hub.Client.StartNewAsync("SumEvents", 20);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        var otherClient = hub.CreateClientOnly();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => (i % 2 == 0 ? hub.Client : otherClient).RaiseEventAsync(id, "Add", i)));

        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(1, 20).Sum(), done.ReadOutputAs<int>());
        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Equal(20, history.OfType<EventRaised>().Select(e => e.MessageId).Distinct().Count());
        Assert.Equal(20, history.OfType<EventRaised>().Count());
    }
}

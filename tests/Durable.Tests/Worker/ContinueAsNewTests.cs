using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class ContinueAsNewTests
{
    private const int Target = 10;

    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("Increment", (_, x) => Task.FromResult(x + 1))
        .AddOrchestrator<int, int>("Counter", async (ctx, count) =>
        {
            var next = await ctx.CallActivityAsync<int>("Increment", count);
            if (next < Target)
            {
                ctx.ContinueAsNew(next);
            }

            return next;
        })
        .AddOrchestrator<int, int>("Accumulate", async (ctx, total) =>
        {
            var add = await ctx.WaitForExternalEvent<int>("Add");
            if (add == 0)
            {
                return total;
            }

            ctx.ContinueAsNew(total + add);
            return total;
        })
        .AddOrchestrator<int, int>("DailyCheck", async (ctx, day) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
            if (day < 3)
            {
                ctx.ContinueAsNew(day + 1);
            }

            return day;
        });

    [Fact]
    public async Task ContinueAsNew_EternalCounter_CompletesWithTheCountAndAShortHistory()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("Counter", 0);

        var done = await hub.WaitAsync(id);
        Assert.Equal(Target, done.ReadOutputAs<int>());
        Assert.Equal(Target - 1, done.ReadInputAs<int>());
        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Equal((Target - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(history.OfType<ExecutionStarted>()).Input);
        Assert.Single(history.OfType<TaskScheduled>());
        Assert.Single(history.OfType<ExecutionCompleted>());
        Assert.True(history.Count <= 6, $"the last execution's history should be short, it has {history.Count} events");
    }

    [Fact]
    public async Task ContinueAsNew_SeveralEventsArriveInOneStep_EachReachesALaterExecution()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Accumulate", 0);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        // Held while suspended, the four events are all applied in the one step that resumes the instance.
        await hub.Client.SuspendAsync(id);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Suspended);
        foreach (var add in new[] { 1, 2, 3, 0 })
        {
            await hub.Client.RaiseEventAsync(id, "Add", add);
        }

        await hub.WaitForEmptyQueueAsync();
        await hub.Client.ResumeAsync(id);

        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(10));
        Assert.Equal(6, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task ContinueAsNew_DailyTimerLoop_EachExecutionWaitsForItsOwnTimer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 6, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var id = await hub.Client.StartNewAsync("DailyCheck", 1);

        for (var day = 1; day <= 3; day++)
        {
            var input = day.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await hub.WaitForHistoryAsync(id, h =>
                h.OfType<ExecutionStarted>().SingleOrDefault()?.Input == input && h.OfType<TimerCreated>().Any());
            Assert.Equal(OrchestrationStatus.Running, (await hub.Client.GetInstanceAsync(id))?.Status);
            time.Advance(TimeSpan.FromDays(1));
        }

        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(15));
        Assert.Equal(3, done.ReadOutputAs<int>());
    }
}

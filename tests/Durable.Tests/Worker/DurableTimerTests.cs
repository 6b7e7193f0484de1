using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>Timers of months, tested in seconds by controlling the clock.</summary>
public sealed class DurableTimerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 31, 8, 0, 0, TimeSpan.Zero);

    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<int, DateTime>("SleepDays", async (ctx, days) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(days), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        })
        .AddOrchestrator<int, DateTime>("SleepMonths", async (ctx, months) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMonths(months), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        });

    [Fact]
    public async Task CreateTimer_ThirtyDays_FiresOnlyOnceTheClockPassesItsDueTime()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var id = await hub.Client.StartNewAsync("SleepDays", 30);
        var timer = (await hub.WaitForTimerCreatedAsync(id)).OfType<TimerCreated>().Single();
        Assert.Equal(Start.UtcDateTime.AddDays(30), timer.FireAt);

        time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        Assert.Equal(OrchestrationStatus.Running, (await hub.Client.GetInstanceAsync(id))?.Status);

        time.Advance(TimeSpan.FromMinutes(2));
        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(15));

        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.Equal(Start.UtcDateTime.AddDays(30).AddMinutes(1), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task CreateTimer_SixMonths_FiresAfterTheClockIsAdvancedPastIt()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var id = await hub.Client.StartNewAsync("SleepMonths", 6);
        var timer = (await hub.WaitForTimerCreatedAsync(id)).OfType<TimerCreated>().Single();
        Assert.Equal(Start.UtcDateTime.AddMonths(6), timer.FireAt);
        Assert.Equal(OrchestrationStatus.Running, (await hub.Client.GetInstanceAsync(id))?.Status);

        time.Advance(TimeSpan.FromDays(200));
        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(15));

        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.True(done.ReadOutputAs<DateTime>() >= timer.FireAt);
        Assert.Single((await hub.Client.GetHistoryAsync(id)).OfType<TimerFired>());
    }

    [Fact]
    public async Task CreateTimer_AlreadyDueWhenScheduled_FiresInTheSameStep()
    {
        var time = new FakeTimeProvider(Start);
        await using var hub = await TestHub.StartAsync(Register, time: time);

        var id = await hub.Client.StartNewAsync("SleepDays", 0);

        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(15));
        Assert.Equal(Start.UtcDateTime, done.ReadOutputAs<DateTime>());
    }
}

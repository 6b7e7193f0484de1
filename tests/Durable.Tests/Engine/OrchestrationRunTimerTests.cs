using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class OrchestrationRunTimerTests
{
    private static ITaskOrchestrator SleepDays() => Orchestrator.Of<int, DateTime>(async (ctx, days) =>
    {
        await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(days), CancellationToken.None);
        return ctx.CurrentUtcDateTime;
    });

    [Fact]
    public void CreateTimer_FirstStep_SchedulesTimerAtFireTimeInUtc()
    {
        var harness = new EngineHarness(SleepDays());

        harness.Start(30);

        var timer = Assert.IsType<TimerCreated>(Assert.Single(harness.NewSteps));
        Assert.Equal(EngineHarness.T0.AddDays(30), timer.FireAt);
        Assert.Equal(DateTimeKind.Utc, timer.FireAt.Kind);
        Assert.Null(harness.Outcome);
    }

    [Fact]
    public void CreateTimer_OtherEventsBeforeItFires_KeepsWaiting()
    {
        var harness = new EngineHarness(SleepDays());
        harness.Start(30);

        harness.Now = EngineHarness.T0.AddDays(29);
        harness.Step(harness.Raised("Unrelated", 1));

        Assert.Null(harness.Outcome);
        Assert.Empty(harness.NewSteps);
    }

    [Fact]
    public void CreateTimer_TimerFired_ContinuesAtTheFiringStepsTime()
    {
        var harness = new EngineHarness(SleepDays());
        harness.Start(30);

        harness.Now = EngineHarness.T0.AddDays(30).AddSeconds(2);
        harness.Step(harness.Fired(0));

        Assert.Equal(EngineHarness.T0.AddDays(30).AddSeconds(2), harness.Output<DateTime>());
    }

    [Fact]
    public void CreateTimer_TimeSpanOverload_FiresRelativeToCurrentUtcDateTime()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, bool>(async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromHours(6), CancellationToken.None);
            return true;
        }));

        harness.Start();

        Assert.Equal(EngineHarness.T0.AddHours(6), Assert.IsType<TimerCreated>(Assert.Single(harness.NewSteps)).FireAt);
    }

    [Fact]
    public void CreateTimer_UnspecifiedKind_TreatedAsUtc()
    {
        var fireAt = new DateTime(2025, 4, 1, 12, 0, 0, DateTimeKind.Unspecified);
        var harness = new EngineHarness(Orchestrator.Of<string?, bool>(async (ctx, _) =>
        {
            await ctx.CreateTimer(fireAt, CancellationToken.None);
            return true;
        }));

        harness.Start();

        var timer = Assert.IsType<TimerCreated>(Assert.Single(harness.NewSteps));
        Assert.Equal((fireAt.Ticks, DateTimeKind.Utc), (timer.FireAt.Ticks, timer.FireAt.Kind));
    }

    [Fact]
    public void CreateTimer_CanceledBeforeItFires_CodeSeesCancellation()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>(async (ctx, _) =>
        {
            using var cancel = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), cancel.Token);
            await ctx.CallActivityAsync("Work");
            cancel.Cancel();
            try
            {
                await timer;
                return "fired";
            }
            catch (TaskCanceledException)
            {
                return "canceled";
            }
        }));
        harness.Start();

        harness.Step(harness.Completed(1, null));

        Assert.Equal("canceled", harness.Output<string>());
    }
}

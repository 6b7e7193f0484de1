using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class OrchestrationRunEventTests
{
    [Fact]
    public void WaitForExternalEvent_EventArrivesWhileWaiting_ReturnsPayload()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>((ctx, _) => ctx.WaitForExternalEvent<string>("Approval")));
        harness.Start();
        Assert.Null(harness.Outcome);
        Assert.Empty(harness.NewSteps);

        harness.Step(harness.Raised("Approval", "yes"));

        Assert.Equal("yes", harness.Output<string>());
    }

    [Fact]
    public void WaitForExternalEvent_OtherEventArrives_KeepsWaiting()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>((ctx, _) => ctx.WaitForExternalEvent<string>("Approval")));
        harness.Start();

        harness.Step(harness.Raised("Rejection", "no"));

        Assert.Null(harness.Outcome);
    }

    [Fact]
    public void WaitForExternalEvent_EventArrivedBeforeTheWait_ReturnsBufferedPayload()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("Prepare");
            return await ctx.WaitForExternalEvent<string>("Approval");
        }));
        harness.Start();
        harness.Step(harness.Raised("Approval", "early"));
        Assert.Null(harness.Outcome);

        harness.Step(harness.Completed(0, null));

        Assert.Equal("early", harness.Output<string>());
    }

    [Fact]
    public void WaitForExternalEvent_SeveralEventsOfOneName_DeliveredInArrivalOrder()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string[]>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("Prepare");
            return
            [
                await ctx.WaitForExternalEvent<string>("Vote"),
                await ctx.WaitForExternalEvent<string>("Vote"),
                await ctx.WaitForExternalEvent<string>("Vote"),
            ];
        }));
        harness.Start();
        harness.Step(harness.Raised("Vote", "first"), harness.Raised("Vote", "second"));
        harness.Step(harness.Completed(0, null));
        Assert.Null(harness.Outcome);

        harness.Step(harness.Raised("Vote", "third"));

        Assert.Equal(["first", "second", "third"], harness.Output<string[]>());
    }

    [Fact]
    public void WaitForExternalEventWithTimeout_FirstStep_SchedulesTimerAtTimeout()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>((ctx, _) =>
            ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromHours(1))));

        harness.Start();

        Assert.Equal(EngineHarness.T0.AddHours(1), Assert.IsType<TimerCreated>(Assert.Single(harness.NewSteps)).FireAt);
        Assert.Null(harness.Outcome);
    }

    [Fact]
    public void WaitForExternalEventWithTimeout_EventBeforeTimer_ReturnsPayload()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>((ctx, _) =>
            ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromHours(1))));
        harness.Start();

        harness.Now = EngineHarness.T0.AddMinutes(5);
        harness.Step(harness.Raised("Approval", "yes"));

        Assert.Equal("yes", harness.Output<string>());
    }

    [Fact]
    public void WaitForExternalEventWithTimeout_TimerBeforeEvent_ThrowsTimeoutException()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>(async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromHours(1));
            }
            catch (TimeoutException ex)
            {
                return "timed out: " + ex.Message;
            }
        }));
        harness.Start();

        harness.Now = EngineHarness.T0.AddHours(1);
        harness.Step(harness.Fired(0));

        Assert.StartsWith("timed out: ", harness.Output<string>(), StringComparison.Ordinal);
        Assert.Contains("Approval", harness.Output<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void WaitForExternalEventWithTimeout_EventAlreadyBuffered_ReturnsItWithoutATimer()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("Prepare");
            return await ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromHours(1));
        }));
        harness.Start();
        harness.Step(harness.Raised("Approval", "early"));

        harness.Step(harness.Completed(0, null));

        Assert.Equal("early", harness.Output<string>());
        Assert.Empty(harness.History.OfType<TimerCreated>());
    }

    [Fact]
    public void WaitForExternalEventWithTimeout_EventAfterTimeout_GoesToTheNextWait()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>(async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromHours(1));
            }
            catch (TimeoutException)
            {
                return "late: " + await ctx.WaitForExternalEvent<string>("Approval");
            }
        }));
        harness.Start();
        harness.Now = EngineHarness.T0.AddHours(1);
        harness.Step(harness.Fired(0));
        Assert.Null(harness.Outcome);

        harness.Now = EngineHarness.T0.AddHours(2);
        harness.Step(harness.Raised("Approval", "yes"));

        Assert.Equal("late: yes", harness.Output<string>());
    }
}

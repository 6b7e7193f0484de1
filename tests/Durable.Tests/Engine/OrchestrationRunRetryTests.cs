using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class OrchestrationRunRetryTests
{
    private static ITaskOrchestrator CallFlaky(RetryPolicy policy) => Orchestrator.Of<string?, string>(async (ctx, _) =>
        await ctx.CallActivityAsync<string>("Flaky", null, new TaskOptions(policy)));

    [Fact]
    public void CallActivityAsync_FailsTwiceThenSucceeds_WaitsOnBackoffTimersAndReturnsResult()
    {
        var harness = new EngineHarness(CallFlaky(new RetryPolicy(3, TimeSpan.FromSeconds(10)) { BackoffCoefficient = 2 }));
        harness.Start();
        Assert.Equal("Flaky", Assert.IsType<TaskScheduled>(Assert.Single(harness.NewSteps)).Name);

        harness.Now = EngineHarness.T0.AddSeconds(1);
        harness.Step(harness.Failed(0, "busy"));
        var firstWait = Assert.IsType<TimerCreated>(Assert.Single(harness.NewSteps));
        Assert.Equal((1, EngineHarness.T0.AddSeconds(11)), (firstWait.TaskId, firstWait.FireAt));

        harness.Now = EngineHarness.T0.AddSeconds(11);
        harness.Step(harness.Fired(1));
        var secondTry = Assert.IsType<TaskScheduled>(Assert.Single(harness.NewSteps));
        Assert.Equal((2, "Flaky"), (secondTry.TaskId, secondTry.Name));

        harness.Now = EngineHarness.T0.AddSeconds(12);
        harness.Step(harness.Failed(2, "busy"));
        var secondWait = Assert.IsType<TimerCreated>(Assert.Single(harness.NewSteps));
        Assert.Equal((3, EngineHarness.T0.AddSeconds(32)), (secondWait.TaskId, secondWait.FireAt));

        harness.Now = EngineHarness.T0.AddSeconds(32);
        harness.Step(harness.Fired(3));
        Assert.Equal(4, Assert.IsType<TaskScheduled>(Assert.Single(harness.NewSteps)).TaskId);

        harness.Step(harness.Completed(4, "done"));
        Assert.Equal("done", harness.Output<string>());
    }

    [Fact]
    public void CallActivityAsync_EveryAttemptFails_FailsWithTheLastFailureAfterMaxAttempts()
    {
        var harness = new EngineHarness(CallFlaky(new RetryPolicy(2, TimeSpan.FromSeconds(10))));
        harness.Start();
        harness.Step(harness.Failed(0, "first"));
        harness.Now = EngineHarness.T0.AddSeconds(10);
        harness.Step(harness.Fired(1));

        harness.Step(harness.Failed(2, "second"));

        Assert.Empty(harness.NewSteps);
        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal("second", harness.Outcome?.Failure?.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public void CallActivityAsync_HandleRejectsTheFailure_FailsWithoutRetrying()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(10)) { Handle = f => f.ErrorType != typeof(ArgumentException).FullName };
        var harness = new EngineHarness(CallFlaky(policy));
        harness.Start();

        harness.Step(harness.Failed(0, "bad input", typeof(ArgumentException).FullName!));

        Assert.Empty(harness.NewSteps);
        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
    }

    [Fact]
    public void CallSubOrchestratorAsync_RetryAfterFailure_StartsANewChildInstance()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, int>(async (ctx, _) => await ctx.CallSubOrchestratorAsync<int>(
            "Child", null, new SubOrchestrationOptions { InstanceId = "child", Retry = new RetryPolicy(2, TimeSpan.FromSeconds(5)) })));
        harness.Start();
        var first = Assert.IsType<SubOrchestrationCreated>(Assert.Single(harness.NewSteps));
        harness.Step(harness.ChildFailed(0, "boom"));
        harness.Now = EngineHarness.T0.AddSeconds(5);

        harness.Step(harness.Fired(1));

        var second = Assert.IsType<SubOrchestrationCreated>(Assert.Single(harness.NewSteps));
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.StartsWith("child:", first.InstanceId, StringComparison.Ordinal);
        Assert.StartsWith("child:", second.InstanceId, StringComparison.Ordinal);
        harness.Step(harness.ChildCompleted(2, 7));
        Assert.Equal(7, harness.Output<int>());
    }
}

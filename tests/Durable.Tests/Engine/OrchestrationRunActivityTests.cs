using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class OrchestrationRunActivityTests
{
    [Fact]
    public void CallActivityAsync_FirstStep_SchedulesTaskWithNameAndSerializedInput()
    {
        var harness = new EngineHarness(Orchestrator.Of<int, int>(async (ctx, x) => await ctx.CallActivityAsync<int>("Double", x) + 1));

        harness.Start(20);

        var task = Assert.IsType<TaskScheduled>(Assert.Single(harness.NewSteps));
        Assert.Equal(("Double", "20", 0), (task.Name, task.Input, task.TaskId));
        Assert.Null(harness.Outcome);
    }

    [Fact]
    public void CallActivityAsync_TaskCompleted_ReturnsResultToCode()
    {
        var harness = new EngineHarness(Orchestrator.Of<int, int>(async (ctx, x) => await ctx.CallActivityAsync<int>("Double", x) + 1));
        harness.Start(20);

        harness.Step(harness.Completed(0, 40));

        Assert.Equal(41, harness.Output<int>());
        Assert.Empty(harness.NewSteps);
    }

    [Fact]
    public void CallActivityAsync_TaskFailed_ThrowsTaskFailedExceptionWithDetails()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>(async (ctx, _) =>
        {
            try
            {
                await ctx.CallActivityAsync("Charge");
                return "charged";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.TaskName}#{ex.TaskId} {ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
            }
        }));
        harness.Start();

        harness.Step(harness.Failed(0, "card declined"));

        Assert.Equal("Charge#0 System.InvalidOperationException: card declined", harness.Output<string>());
    }

    [Fact]
    public void CallActivityAsync_TaskFailedAndNotCaught_OutcomeFailedWithActivityFailureInside()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, int>(async (ctx, _) => await ctx.CallActivityAsync<int>("Charge")));
        harness.Start();

        harness.Step(harness.Failed(0, "card declined"));

        var outcome = Assert.IsType<Durable.Engine.OrchestrationOutcome>(harness.Outcome);
        Assert.Equal(OrchestrationStatus.Failed, outcome.Status);
        Assert.Equal(typeof(TaskFailedException).FullName, outcome.Failure!.ErrorType);
        Assert.Contains("'Charge'", outcome.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("card declined", outcome.Failure.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public void CallActivityAsync_TwoCallsWithWhenAll_BothScheduledInOneStepAndAnsweredInAnyOrder()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, int[]>((ctx, _) =>
            Task.WhenAll(ctx.CallActivityAsync<int>("A"), ctx.CallActivityAsync<int>("B"))));
        harness.Start();
        Assert.Equal(["A", "B"], harness.NewSteps.Cast<TaskScheduled>().Select(t => t.Name));

        harness.Step(harness.Completed(1, 2));
        Assert.Null(harness.Outcome);
        harness.Step(harness.Completed(0, 1));

        Assert.Equal([1, 2], harness.Output<int[]>());
    }

    [Fact]
    public void Replay_CompleteHistory_SchedulesNothingNewAndEndsTheSameWay()
    {
        var harness = new EngineHarness(Orchestrator.Of<int, int>(async (ctx, x) =>
            await ctx.CallActivityAsync<int>("A", x) + await ctx.CallActivityAsync<int>("B", x)));
        harness.Start(1);
        harness.Step(harness.Completed(0, 10));
        harness.Step(harness.Completed(1, 100));
        Assert.Equal(110, harness.Output<int>());

        var replayed = harness.ReplayOnly();

        Assert.Empty(replayed.TakeNewSteps());
        Assert.Equal(OrchestrationStatus.Completed, replayed.Outcome?.Status);
        Assert.Equal("110", replayed.Outcome?.Output);
    }

    [Fact]
    public void CallActivityAsync_ResultNotReadableAsResultType_OutcomeFailedWithPayloadSerializationException()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, int>(async (ctx, _) => await ctx.CallActivityAsync<int>("Count")));
        harness.Start();

        harness.Step(harness.Completed(0, "not a number"));

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(typeof(PayloadSerializationException).FullName, harness.Outcome?.Failure?.ErrorType);
    }
}

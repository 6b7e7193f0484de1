using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class OrchestrationRunSubOrchestrationTests
{
    private static ITaskOrchestrator CallChild(SubOrchestrationOptions? options = null) =>
        Orchestrator.Of<int, int>(async (ctx, x) => await ctx.CallSubOrchestratorAsync<int>("Child", x, options));

    [Fact]
    public void CallSubOrchestratorAsync_NoInstanceId_SchedulesChildWithIdDerivedFromParentExecutionAndStep()
    {
        var harness = new EngineHarness(CallChild());

        harness.Start(5);

        var child = Assert.IsType<SubOrchestrationCreated>(Assert.Single(harness.NewSteps));
        Assert.Equal(("Child", "5", (string?)null), (child.Name, child.Input, child.Version));
        Assert.Equal($"{EngineHarness.InstanceId}:{EngineHarness.ExecutionId[..8]}:0", child.InstanceId);
    }

    [Fact]
    public void CallSubOrchestratorAsync_InstanceIdAndVersionGiven_SchedulesChildWithThem()
    {
        var harness = new EngineHarness(CallChild(new SubOrchestrationOptions { InstanceId = "invoice-12", Version = "v2" }));

        harness.Start(5);

        var child = Assert.IsType<SubOrchestrationCreated>(Assert.Single(harness.NewSteps));
        Assert.Equal(("invoice-12", "v2"), (child.InstanceId, child.Version));
    }

    [Fact]
    public void CallSubOrchestratorAsync_InvalidInstanceId_OutcomeFailedWithArgumentException()
    {
        var harness = new EngineHarness(CallChild(new SubOrchestrationOptions { InstanceId = "bad/id" }));

        harness.Start(5);

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(typeof(ArgumentException).FullName, harness.Outcome?.Failure?.ErrorType);
    }

    [Fact]
    public void CallSubOrchestratorAsync_ChildCompleted_ReturnsItsResult()
    {
        var harness = new EngineHarness(CallChild());
        harness.Start(5);

        harness.Step(harness.ChildCompleted(0, 10));

        Assert.Equal(10, harness.Output<int>());
    }

    [Fact]
    public void CallSubOrchestratorAsync_ChildFailed_ThrowsTaskFailedExceptionWithChildsFailure()
    {
        var harness = new EngineHarness(Orchestrator.Of<int, string>(async (ctx, x) =>
        {
            try
            {
                await ctx.CallSubOrchestratorAsync<int>("Child", x);
                return "ok";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.TaskName}: {ex.FailureDetails.ErrorMessage}";
            }
        }));
        harness.Start(5);

        harness.Step(harness.ChildFailed(0, "out of stock"));

        Assert.Equal("Child: out of stock", harness.Output<string>());
    }
}

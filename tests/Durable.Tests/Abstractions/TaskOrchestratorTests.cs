using Moq;

namespace PepFunctions.Durable.Tests.Abstractions;

/// <summary>An orchestrator can be unit-tested against a faked context, without the runtime or storage.</summary>
public sealed class TaskOrchestratorTests
{
    [Fact]
    public async Task RunAsync_FakedContext_CallsActivitiesInOrderWithEachOthersResults()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        var sequence = new MockSequence();
        context.InSequence(sequence).Setup(c => c.CallActivityAsync<string>("PackOrder", "order-1", null)).ReturnsAsync("parcel-9");
        context.InSequence(sequence).Setup(c => c.CallActivityAsync<string>("BookCourier", "parcel-9", null)).ReturnsAsync("track-3");

        var tracking = await new ShipOrder().RunAsync(context.Object, "order-1");

        Assert.Equal("track-3", tracking);
        context.Verify(c => c.CallActivityAsync<string>("PackOrder", "order-1", null), Times.Once);
        context.Verify(c => c.CallActivityAsync<string>("BookCourier", "parcel-9", null), Times.Once);
        context.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RunAsync_FakedActivityFailure_OrchestratorFallsBack()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.CallActivityAsync<string>("PackOrder", It.IsAny<object?>(), null)).ReturnsAsync("parcel-9");
        context.Setup(c => c.CallActivityAsync<string>("BookCourier", It.IsAny<object?>(), null))
            .ThrowsAsync(new TaskFailedException("BookCourier", 1, new TaskFailureDetails("System.TimeoutException", "no courier")));

        var tracking = await new ShipOrder().RunAsync(context.Object, "order-1");

        Assert.Equal("pickup:parcel-9", tracking);
    }

    [Fact]
    public async Task RunAsync_ThroughTheUntypedInterface_DeserializedInputReachesTypedRunAsync()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.CallActivityAsync<string>(It.IsAny<string>(), It.IsAny<object?>(), null)).ReturnsAsync("x");
        ITaskOrchestrator untyped = new ShipOrder();

        var result = await untyped.RunAsync(context.Object, "order-2");

        Assert.Equal(typeof(string), untyped.InputType);
        Assert.Equal("x", result);
        context.Verify(c => c.CallActivityAsync<string>("PackOrder", "order-2", null), Times.Once);
    }

    private sealed class ShipOrder : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var parcel = await context.CallActivityAsync<string>("PackOrder", input);
            try
            {
                return await context.CallActivityAsync<string>("BookCourier", parcel);
            }
            catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<TimeoutException>())
            {
                return "pickup:" + parcel;
            }
        }
    }
}

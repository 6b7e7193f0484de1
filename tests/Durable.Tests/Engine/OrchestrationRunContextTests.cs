using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PepFunctions.Durable.Engine;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

/// <summary>What the context tells the code: time, replay state, identity, custom status, logging.</summary>
public sealed class OrchestrationRunContextTests
{
    [Fact]
    public void CurrentUtcDateTime_EachStep_IsTheTimeOfItsOrchestratorStarted()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, DateTime[]>(async (ctx, _) =>
        {
            var before = ctx.CurrentUtcDateTime;
            await ctx.CallActivityAsync("Work");
            return [before, ctx.CurrentUtcDateTime];
        }));
        harness.Start();

        harness.Now = EngineHarness.T0.AddMinutes(5);
        harness.Step(harness.Completed(0, null));

        Assert.Equal([EngineHarness.T0, EngineHarness.T0.AddMinutes(5)], harness.Output<DateTime[]>());
    }

    [Fact]
    public void CurrentUtcDateTime_ExecutionStartedAtOtherTime_ComesFromOrchestratorStarted()
    {
        var run = new OrchestrationRun("i", Orchestrator.Of<string?, DateTime>((ctx, _) => Task.FromResult(ctx.CurrentUtcDateTime)),
            JsonDataConverter.Default, NullLoggerFactory.Instance);
        run.Replay([], null);

        run.Apply(new OrchestratorStarted(EngineHarness.T0));
        run.Apply(new ExecutionStarted(EngineHarness.T0.AddDays(-1), "Test", "", EngineHarness.ExecutionId, null));

        Assert.Equal(JsonDataConverter.Default.Serialize(EngineHarness.T0), run.Outcome?.Output);
    }

    [Fact]
    public void IsReplaying_DuringReplay_TrueAndFalseOnceNewEventsApply()
    {
        var seen = new List<bool>();
        var harness = new EngineHarness(Orchestrator.Of<string?, bool>(async (ctx, _) =>
        {
            seen.Add(ctx.IsReplaying);
            await ctx.CallActivityAsync("Work");
            seen.Add(ctx.IsReplaying);
            return true;
        }));
        harness.Start();
        Assert.Equal([false], seen);

        harness.Step(harness.Completed(0, null));

        Assert.Equal([false, true, false], seen);
    }

    [Fact]
    public void InstanceIdNameAndVersion_Started_ComeFromTheRunAndExecutionStarted()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>((ctx, _) =>
            Task.FromResult($"{ctx.InstanceId}|{ctx.Name}|{ctx.Version}")));

        harness.Start();

        Assert.Equal($"{EngineHarness.InstanceId}|Test|v1", harness.Output<string>());
    }

    [Fact]
    public void CreateReplaySafeLogger_WhileReplaying_WritesNothing()
    {
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var factory = new Mock<ILoggerFactory>();
        factory.Setup(f => f.CreateLogger("Orders")).Returns(logger.Object);
        var enabledWhileReplaying = new List<bool>();
        var harness = new EngineHarness(Orchestrator.Of<string?, bool>(async (ctx, _) =>
        {
            var log = ctx.CreateReplaySafeLogger("Orders");
            if (ctx.IsReplaying)
            {
                enabledWhileReplaying.Add(log.IsEnabled(LogLevel.Information));
            }

            log.LogInformation("Reserving stock for {OrderId}", ctx.InstanceId);
            await ctx.CallActivityAsync("Reserve");
            log.LogInformation("Stock reserved for {OrderId}", ctx.InstanceId);
            return true;
        }), factory.Object);

        harness.Start();
        harness.Step(harness.Completed(0, null));

        Assert.True(harness.Output<bool>());
        VerifyLogged(logger, "Reserving stock for order-7", Times.Once());
        VerifyLogged(logger, "Stock reserved for order-7", Times.Once());
        Assert.Equal([false], enabledWhileReplaying);
    }

    [Fact]
    public void SetCustomStatus_Called_RunReportsItSerialized()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, bool>(async (ctx, _) =>
        {
            ctx.SetCustomStatus(new { Stage = "charging", Attempt = 1 });
            await ctx.CallActivityAsync("Charge");
            return true;
        }));

        harness.Start();

        Assert.Equal("{\"stage\":\"charging\",\"attempt\":1}", harness.Run.CustomStatus);
        Assert.True(harness.Run.CustomStatusChanged);
    }

    [Fact]
    public void SetCustomStatus_NotCalled_KeepsTheCommittedStatus()
    {
        var run = new OrchestrationRun("i", Orchestrator.Of<string?, bool>((_, _) => Task.FromResult(true)),
            JsonDataConverter.Default, NullLoggerFactory.Instance);

        run.Replay([], "\"shipped\"");
        run.Apply(new OrchestratorStarted(EngineHarness.T0));
        run.Apply(new ExecutionStarted(EngineHarness.T0, "Test", "", EngineHarness.ExecutionId, null));

        Assert.Equal("\"shipped\"", run.CustomStatus);
        Assert.False(run.CustomStatusChanged);
    }

    [Fact]
    public void Start_InputNotReadableAsInputType_OutcomeFailedWithPayloadSerializationException()
    {
        var harness = new EngineHarness(Orchestrator.Of<int, int>((_, x) => Task.FromResult(x)));

        harness.Start("not a number");

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(typeof(PayloadSerializationException).FullName, harness.Outcome?.Failure?.ErrorType);
    }

    [Fact]
    public void Run_CodeThrows_OutcomeFailedWithTheExceptionsTypeAndMessage()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, int>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("Check");
            throw new InvalidOperationException("no stock left");
        }));
        harness.Start();

        harness.Step(harness.Completed(0, null));

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(("System.InvalidOperationException", "no stock left"), (harness.Outcome?.Failure?.ErrorType, harness.Outcome?.Failure?.ErrorMessage));
    }

    [Fact]
    public void Run_OutputNotSerializable_OutcomeFailedWithPayloadSerializationException()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, Node>((_, _) =>
        {
            var node = new Node();
            node.Next = node;
            return Task.FromResult(node);
        }));

        harness.Start();

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(typeof(PayloadSerializationException).FullName, harness.Outcome?.Failure?.ErrorType);
    }

    [Fact]
    public void Apply_ExecutionTerminated_OutcomeTerminatedWithReason()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, string>((ctx, _) => ctx.WaitForExternalEvent<string>("Never")));
        harness.Start();

        harness.Step(new ExecutionTerminated(harness.Now, "cancelled by operator"));

        Assert.Equal(OrchestrationStatus.Terminated, harness.Outcome?.Status);
        Assert.Equal("cancelled by operator", harness.Outcome?.Failure?.ErrorMessage);
    }

    private static void VerifyLogged(Mock<ILogger> logger, string message, Times times) =>
        logger.Verify(
            l => l.Log(
                LogLevel.Information,
                It.IsAny<EventId>(),
                It.Is<It.IsAnyType>((state, _) => $"{state}" == message),
                It.IsAny<Exception?>(),
                It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            times);

    public sealed class Node
    {
        public Node? Next { get; set; }
    }
}

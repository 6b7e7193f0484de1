using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

/// <summary>Code that no longer matches its history fails the execution instead of guessing.</summary>
public sealed class OrchestrationRunNonDeterminismTests
{
    private static readonly string NonDeterministic = typeof(NonDeterministicOrchestrationException).FullName!;

    private static ITaskOrchestrator Calls(params string[] activities) => Orchestrator.Of<string?, int>(async (ctx, _) =>
    {
        foreach (var activity in activities)
        {
            await ctx.CallActivityAsync(activity);
        }

        return activities.Length;
    });

    [Fact]
    public void Replay_ActivityRenamedSinceScheduled_FailsNamingBothActivities()
    {
        var harness = new EngineHarness(Calls("ReserveStock"));
        harness.Start();

        harness.Orchestrator = Calls("ReserveInventory");
        harness.Step(harness.Completed(0, null));

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(NonDeterministic, harness.Outcome?.Failure?.ErrorType);
        Assert.Contains("'ReserveStock'", harness.Outcome?.Failure?.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'ReserveInventory'", harness.Outcome?.Failure?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TimerInHistoryButCodeCallsActivity_Fails()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, int>(async (ctx, _) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
            return 1;
        }));
        harness.Start();

        harness.Orchestrator = Calls("SendReminder");
        harness.Now = EngineHarness.T0.AddHours(1);
        harness.Step(harness.Fired(0));

        Assert.Equal(NonDeterministic, harness.Outcome?.Failure?.ErrorType);
        Assert.Contains("timer", harness.Outcome?.Failure?.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'SendReminder'", harness.Outcome?.Failure?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_HistoryHasMoreStepsThanCodeThatNowWaits_Fails()
    {
        var harness = new EngineHarness(Calls("Pack", "Ship"));
        harness.Start();
        harness.Step(harness.Completed(0, null));

        harness.Orchestrator = Orchestrator.Of<string?, int>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("Pack");
            return await ctx.WaitForExternalEvent<int>("Shipped");
        });
        harness.Step(harness.Completed(1, null));

        Assert.Equal(NonDeterministic, harness.Outcome?.Failure?.ErrorType);
        Assert.Contains("'Ship'", harness.Outcome?.Failure?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_HistoryHasMoreStepsThanCodeThatNowReturns_Fails()
    {
        var harness = new EngineHarness(Calls("Pack", "Ship"));
        harness.Start();
        harness.Step(harness.Completed(0, null));

        harness.Orchestrator = Calls("Pack");
        harness.Step(harness.Completed(1, null));

        Assert.Equal(OrchestrationStatus.Failed, harness.Outcome?.Status);
        Assert.Equal(NonDeterministic, harness.Outcome?.Failure?.ErrorType);
    }

    [Fact]
    public void Apply_CompletionOfOtherKindThanTheStep_Fails()
    {
        var harness = new EngineHarness(Calls("Pack"));
        harness.Start();

        harness.Step(new TimerFired(harness.Now, 0, harness.Now));

        Assert.Equal(NonDeterministic, harness.Outcome?.Failure?.ErrorType);
    }

    [Fact]
    public void Replay_UnchangedCode_DoesNotFail()
    {
        var harness = new EngineHarness(Calls("Pack", "Ship"));
        harness.Start();
        harness.Step(harness.Completed(0, null));

        harness.Step(harness.Completed(1, null));

        Assert.Equal(2, harness.Output<int>());
    }
}

using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class OrchestrationRunContinueAsNewTests
{
    private static ITaskOrchestrator WorkThenContinue(ContinueAsNewOptions? options) => Orchestrator.Of<int, int>(async (ctx, n) =>
    {
        await ctx.CallActivityAsync("Work", n);
        ctx.ContinueAsNew(n + 1, options);
        return n;
    });

    [Fact]
    public void ContinueAsNew_NoOptions_OutcomeCompletedWithNextInputAndSameVersion()
    {
        var harness = new EngineHarness(WorkThenContinue(null));
        harness.Start(1);

        harness.Step(harness.Completed(0, null));

        var outcome = harness.Outcome!;
        Assert.Equal(OrchestrationStatus.Completed, outcome.Status);
        Assert.Null(outcome.Output);
        Assert.Equal("2", outcome.ContinueAsNew?.Input);
        Assert.Null(outcome.ContinueAsNew?.Version);
    }

    [Fact]
    public void ContinueAsNew_NewVersion_OutcomeCarriesVersion()
    {
        var harness = new EngineHarness(WorkThenContinue(new ContinueAsNewOptions { NewVersion = "v2" }));
        harness.Start(1);

        harness.Step(harness.Completed(0, null));

        Assert.Equal("v2", harness.Outcome?.ContinueAsNew?.Version);
    }

    [Fact]
    public void ContinueAsNew_UnawaitedEventsAndPreserveDefault_CarriesThemInArrivalOrder()
    {
        var harness = new EngineHarness(WorkThenContinue(null));
        harness.Start(1);

        harness.Step(harness.Raised("Extra", "e1"), harness.Raised("Extra", "e2"), harness.Completed(0, null));

        var carried = harness.Outcome?.ContinueAsNew?.CarriedEvents;
        Assert.NotNull(carried);
        Assert.Equal(["\"e1\"", "\"e2\""], carried.Select(e => e.Input));
        Assert.All(carried, e => Assert.Equal("Extra", e.Name));
    }

    [Fact]
    public void ContinueAsNew_PreserveUnprocessedEventsFalse_CarriesNone()
    {
        var harness = new EngineHarness(WorkThenContinue(new ContinueAsNewOptions { PreserveUnprocessedEvents = false }));
        harness.Start(1);

        harness.Step(harness.Raised("Extra", "e1"), harness.Completed(0, null));

        Assert.NotNull(harness.Outcome?.ContinueAsNew);
        Assert.Empty(harness.Outcome.ContinueAsNew.CarriedEvents);
    }

    [Fact]
    public void ContinueAsNew_EventConsumedByTheCode_NotCarried()
    {
        var harness = new EngineHarness(Orchestrator.Of<int, int>(async (ctx, n) =>
        {
            n += await ctx.WaitForExternalEvent<int>("Add");
            ctx.ContinueAsNew(n);
            return n;
        }));
        harness.Start(1);

        harness.Step(harness.Raised("Add", 5), harness.Raised("Add", 7));

        Assert.Equal("6", harness.Outcome?.ContinueAsNew?.Input);
        Assert.Equal(["7"], harness.Outcome?.ContinueAsNew?.CarriedEvents.Select(e => e.Input));
    }
}

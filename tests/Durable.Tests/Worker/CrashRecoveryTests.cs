using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>A worker killed between any two storage writes of a step: another worker finishes the instance, and history records every step once.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Worker_CrashBeforeEachStorageWrite_InstanceCompletesOnceInHistory()
    {
        // A run without a crash counts the worker's writes for the whole flow (the count varies a little
        // with timing: a message may be released and re-received); then one run crashes before each of them.
        var measured = await RunWithCrashAsync(int.MaxValue);
        Assert.False(measured.Crashed);
        Assert.InRange(measured.Writes, 12, 200);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, measured.Writes).Select(RunWithCrashAsync));

        Assert.All(outcomes, outcome => Assert.Equal(3 + 4 + 10, outcome.Output));
        Assert.True(outcomes.Count(o => o.Crashed) >= measured.Writes - 2, "the crash points fall within the flow");
    }

    private static async Task<(int WritesBeforeCrash, bool Crashed, int Writes, int Output)> RunWithCrashAsync(int writesBeforeCrash)
    {
        await using var hub = await TestHub.StartAsync(Register, o => o.VisibilityTimeout = TimeSpan.FromSeconds(2), workers: 0);
        var crash = new CrashAfterWrites(writesBeforeCrash);
        var doomed = await hub.StartWorkerAsync(crash);
        var id = await hub.Client.StartNewAsync(nameof(Flow), 2, new StartOrchestrationOptions { InstanceId = $"crash-{writesBeforeCrash}" });
        await hub.Client.RaiseEventAsync(id, "Go", 10);

        var ended = hub.WaitUntilAsync(id, i => i.Status.IsTerminal());
        await Task.WhenAny(crash.Crashed, ended);
        await hub.StopWorkerAsync(doomed);
        await hub.StartWorkerAsync();

        var done = await hub.WaitAsync(id);
        Assert.True(done.Status == OrchestrationStatus.Completed, $"crash after {writesBeforeCrash} writes: {done.Status} {done.FailureDetails?.ErrorMessage}");
        AssertEachStepOnce(await hub.Client.GetHistoryAsync(id), writesBeforeCrash);
        var child = (await hub.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = id + ":" })).Items.Single();
        AssertEachStepOnce(await hub.Client.GetHistoryAsync(child.InstanceId), writesBeforeCrash);
        return (writesBeforeCrash, crash.Crashed.IsCompleted, crash.Writes, done.ReadOutputAs<int>());
    }

    private static void AssertEachStepOnce(IReadOnlyList<HistoryEvent> history, int writesBeforeCrash)
    {
        var context = $"crash after {writesBeforeCrash} writes";
        Assert.True(history.OfType<ExecutionStarted>().Count() == 1, context);
        Assert.True(history.OfType<ExecutionCompleted>().Count() == 1, context);
        var scheduled = history.OfType<ScheduledEvent>().Select(e => e.TaskId).ToList();
        var answered = history.OfType<CompletionEvent>().Select(e => e.TaskId).ToList();
        Assert.True(scheduled.Distinct().Count() == scheduled.Count, $"{context}: a step was scheduled twice");
        Assert.True(answered.Distinct().Count() == answered.Count, $"{context}: a step was answered twice");
        Assert.True(scheduled.Order().SequenceEqual(answered.Order()), $"{context}: scheduled and answered steps differ");
        Assert.True(history.OfType<EventRaised>().Count() <= 1, $"{context}: the event was applied twice");
    }

    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("AddOne", (_, x) => Task.FromResult(x + 1))
        .AddOrchestrator<int, int>("Child", async (ctx, x) => await ctx.CallActivityAsync<int>("AddOne", x))
        .AddOrchestrator<int, int>(nameof(Flow), Flow);

    // 2 → AddOne → 3; a timer; child AddOne(3) → 4; event Go carries 10.
    private static async Task<int> Flow(TaskOrchestrationContext context, int input)
    {
        var a = await context.CallActivityAsync<int>("AddOne", input);
        await context.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var b = await context.CallSubOrchestratorAsync<int>("Child", a);
        var e = await context.WaitForExternalEvent<int>("Go");
        return a + b + e;
    }
}

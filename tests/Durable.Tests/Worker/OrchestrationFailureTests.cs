using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class OrchestrationFailureTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<string, string>("Known", (_, x) => Task.FromResult(x))
        .AddOrchestrator<string, string>("CallsMissing", async (ctx, x) => await ctx.CallActivityAsync<string>("Missing" + x))
        .AddOrchestrator<string, string>("Throws", async (ctx, reason) =>
        {
            await ctx.CallActivityAsync<string>("Known", reason);
            throw new InvalidOperationException(reason);
        })
        .AddOrchestrator<int, string>("RetriesFlaky", async (ctx, failures) =>
            await ctx.CallActivityAsync<string>("Flaky", failures, new TaskOptions(new RetryPolicy(3, TimeSpan.FromMilliseconds(100)))))
        .AddActivity<int, string>("Flaky", (context, failures) => context.TaskId < failures * 2
            ? throw new TimeoutException($"try at step {context.TaskId} failed")
            : Task.FromResult($"succeeded at step {context.TaskId}"));

    [Fact]
    public async Task CallActivityAsync_UnregisteredActivity_InstanceFailsNamingIt()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("CallsMissing", "Invoice");

        var done = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Contains("'MissingInvoice'", done.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("ActivityNotFound", done.FailureDetails?.InnerFailure?.ErrorType);
    }

    [Fact]
    public async Task RunAsync_OrchestratorThrows_InstanceFailsWithTheExceptionsMessage()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("Throws", "quota exceeded");

        var done = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal(("System.InvalidOperationException", "quota exceeded"), (done.FailureDetails?.ErrorType, done.FailureDetails?.ErrorMessage));
        Assert.Equal(OrchestrationStatus.Failed, Assert.Single((await hub.Client.GetHistoryAsync(id)).OfType<ExecutionCompleted>()).Status);
    }

    [Fact]
    public async Task CallActivityAsync_FailsTwiceWithRetryPolicy_SucceedsOnTheThirdTryAfterDurableTimers()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("RetriesFlaky", 2);

        var done = await hub.WaitAsync(id);
        Assert.Equal("succeeded at step 4", done.ReadOutputAs<string>());
        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Equal([0, 2, 4], history.OfType<TaskScheduled>().Select(t => t.TaskId));
        Assert.Equal([1, 3], history.OfType<TimerFired>().Select(t => t.TaskId));
        Assert.Equal(2, history.OfType<TaskFailed>().Count());
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_InstanceFailsWithTheLastError()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("RetriesFlaky", 10);

        var done = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal("try at step 4 failed", done.FailureDetails?.InnerFailure?.ErrorMessage);
    }
}

using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class FanOutTests
{
    private const int Width = 50;

    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("Square", (_, x) => x == -1 ? throw new InvalidOperationException("negative") : Task.FromResult(x * x))
        .AddOrchestrator<int[], int>("SumOfSquares", async (ctx, xs) =>
            (await Task.WhenAll(xs.Select(x => ctx.CallActivityAsync<int>("Square", x)))).Sum());

    [Fact]
    public async Task WhenAll_FiftyActivities_FanInToTheirSumWithEachScheduledOnce()
    {
        await using var hub = await TestHub.StartAsync(Register, o => o.MaxConcurrentActivities = 8);
        var xs = Enumerable.Range(1, Width).ToArray();

        var id = await hub.Client.StartNewAsync("SumOfSquares", xs);

        Assert.Equal(xs.Sum(x => x * x), (await hub.WaitAsync(id)).ReadOutputAs<int>());
        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Equal(Enumerable.Range(0, Width), history.OfType<TaskScheduled>().Select(t => t.TaskId));
        Assert.Equal(Enumerable.Range(0, Width), history.OfType<TaskCompleted>().Select(t => t.TaskId).Order());
    }

    [Fact]
    public async Task WhenAll_OneOfManyActivitiesFails_InstanceFailsWithItsError()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("SumOfSquares", new[] { 1, 2, -1, 4 });

        var done = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal("negative", done.FailureDetails?.InnerFailure?.ErrorMessage);
    }
}

using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class GetHistoryAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("Double", (_, x) => Task.FromResult(x * 2))
        .AddOrchestrator<int, int>("OneActivity", async (ctx, x) => await ctx.CallActivityAsync<int>("Double", x));

    [Fact]
    public async Task GetHistoryAsync_CompletedInstance_ListsItsEventsInOrder()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("OneActivity", 21);
        await hub.WaitAsync(id);

        var history = await hub.Client.GetHistoryAsync(id);

        Assert.Equal(
            [nameof(OrchestratorStarted), nameof(ExecutionStarted), nameof(TaskScheduled), nameof(OrchestratorStarted), nameof(TaskCompleted), nameof(ExecutionCompleted)],
            history.Select(e => e.GetType().Name));
        Assert.Equal("21", history.OfType<ExecutionStarted>().Single().Input);
        Assert.Equal(("Double", "21"), history.OfType<TaskScheduled>().Select(t => (t.Name, t.Input)).Single());
        Assert.Equal("42", history.OfType<TaskCompleted>().Single().Result);
        var completed = history.OfType<ExecutionCompleted>().Single();
        Assert.Equal((OrchestrationStatus.Completed, "42"), (completed.Status, completed.Result));
    }

    [Fact]
    public async Task GetHistoryAsync_UnknownInstance_ThrowsInstanceNotFound()
    {
        await using var hub = await TestHub.StartAsync(Register);

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => hub.Client.GetHistoryAsync("nobody"));
    }
}

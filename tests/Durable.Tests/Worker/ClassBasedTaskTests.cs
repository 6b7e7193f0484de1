using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>Orchestrators and activities written as classes, registered by type and called by <c>nameof</c>.</summary>
public sealed class ClassBasedTaskTests
{
    [Fact]
    public async Task AddActivity_ClassWithConstructorDependencies_ResolvedFromTheWorkersServices()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 8, 17, 10, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(r => r.AddOrchestrator<StampOrder>().AddActivity<Stamp>(), time: time);

        var id = await hub.Client.StartNewAsync(nameof(StampOrder), "order-9");

        Assert.Equal("order-9 stamped 2025-08-17", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    private sealed class StampOrder : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallActivityAsync<string>(nameof(Stamp), input);
    }

    private sealed class Stamp(TimeProvider time) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) =>
            Task.FromResult($"{input} stamped {time.GetUtcNow():yyyy-MM-dd}");
    }
}

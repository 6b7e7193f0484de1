using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class SmokeTests
{
    [Fact]
    public async Task StartNewAsync_SequenceOfActivities_CompletesWithOutput()
    {
        await using var hub = await TestHub.StartAsync(r => r
            .AddActivity<string, string>("Hello", (_, name) => Task.FromResult($"Hello {name}"))
            .AddOrchestrator<string, string[]>("Greet", async (ctx, input) =>
            [
                await ctx.CallActivityAsync<string>("Hello", input + "1"),
                await ctx.CallActivityAsync<string>("Hello", input + "2"),
            ]));

        var id = await hub.Client.StartNewAsync("Greet", "x");
        var done = await hub.WaitAsync(id);

        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.Equal(new[] { "Hello x1", "Hello x2" }, done.ReadOutputAs<string[]>());
    }
}

using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class GetDeadLettersAsyncTests
{
    [Fact]
    public async Task GetDeadLettersAsync_HealthyHubAfterWork_ReturnsNone()
    {
        await using var hub = await TestHub.StartAsync(r => r
            .AddActivity<int, int>("Inc", (_, x) => Task.FromResult(x + 1))
            .AddOrchestrator<int, int>("Count", async (ctx, x) => await ctx.CallActivityAsync<int>("Inc", x)));
        var id = await hub.Client.StartNewAsync("Count", 1);
        Assert.Equal(2, (await hub.WaitAsync(id)).ReadOutputAs<int>());

        Assert.Empty(await hub.Client.GetDeadLettersAsync());
        Assert.Empty(await hub.Client.GetDeadLettersAsync(id));
    }
}

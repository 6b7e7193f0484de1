using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class DeadLetterTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("Double", (_, x) => Task.FromResult(x * 2))
        .AddOrchestrator<int, int>("Doubler", async (ctx, x) => await ctx.CallActivityAsync<int>("Double", x));

    [Fact]
    public async Task Worker_MessageKeepsFailing_IsDeadLetteredWithReasonAndRedriveCompletesIt()
    {
        await using var hub = await TestHub.StartAsync(Register, o => o.MaxAttempts = 2, workers: 0);
        var failing = new FailRequestsContaining("poison1");
        await hub.StartWorkerAsync(failing);

        var id = await hub.Client.StartNewAsync("Doubler", 21, new StartOrchestrationOptions { InstanceId = "poison1" });
        var letter = await WaitForDeadLetterAsync(hub.Client, id);

        Assert.Equal("queue", letter.Source);
        Assert.Contains("Injected failure", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(OrchestrationStatus.Pending, (await hub.Client.GetInstanceAsync(id))!.Status);

        failing.Enabled = false;
        Assert.True(await hub.Client.RedriveAsync(letter));
        var done = await hub.WaitAsync(id);

        Assert.Equal(42, done.ReadOutputAs<int>());
        Assert.Empty(await hub.Client.GetDeadLettersAsync(id));
        Assert.False(await hub.Client.RedriveAsync(letter));
    }

    [Fact]
    public async Task Worker_UnreadableQueueMessage_IsDeadLetteredAtOnce()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var storage = hub.GetInternal<PepFunctions.Durable.Storage.TaskHubStorage>();
        await storage.EnsureCreatedAsync();
        var queue = storage.WorkQueue;

        await queue.SendMessageAsync("this is not a work message");
        DeadLetter? letter = null;
        for (var i = 0; i < 200 && letter is null; i++)
        {
            letter = (await hub.Client.GetDeadLettersAsync()).SingleOrDefault();
            await Task.Delay(25);
        }

        Assert.NotNull(letter);
        Assert.StartsWith("Unreadable message", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static async Task<DeadLetter> WaitForDeadLetterAsync(DurableTaskClient client, string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetDeadLettersAsync(instanceId)).SingleOrDefault() is { } letter)
            {
                return letter;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No dead letter for {instanceId}.");
    }
}

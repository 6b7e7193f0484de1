using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>Delivery is at least once; the same message delivered twice is applied once.</summary>
public sealed class DuplicateDeliveryTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, List<string>>("CountVotes", async (ctx, _) =>
        {
            var votes = new List<string>();
            while (await ctx.WaitForExternalEvent<string>("Vote") is var vote && vote != "close")
            {
                votes.Add(vote);
            }

            return votes;
        });

    [Fact]
    public async Task Worker_SameEventMessageDeliveredTwice_OrchestratorSeesItOnce()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("CountVotes");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        var queue = hub.GetInternal<WorkQueue>();
        var vote = new WorkMessage { Kind = MessageKind.Event, InstanceId = id, Id = "vote-msg-1", Name = "Vote", Payload = "\"yes\"" };

        await queue.SendAsync(vote, null, CancellationToken.None);
        await queue.SendAsync(vote, null, CancellationToken.None);
        await hub.WaitForEmptyQueueAsync();
        await hub.Client.RaiseEventAsync(id, "Vote", "close");

        var done = await hub.WaitAsync(id);
        Assert.Equal(["yes"], done.ReadOutputAs<List<string>>());
        Assert.Single((await hub.Client.GetHistoryAsync(id)).OfType<EventRaised>(), e => e.MessageId == "vote-msg-1");
    }

    [Fact]
    public async Task Worker_SameEventMessageDeliveredInSeparateSteps_OrchestratorSeesItOnce()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("CountVotes");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        var queue = hub.GetInternal<WorkQueue>();
        var vote = new WorkMessage { Kind = MessageKind.Event, InstanceId = id, Id = "vote-msg-2", Name = "Vote", Payload = "\"yes\"" };

        await queue.SendAsync(vote, null, CancellationToken.None);
        await hub.WaitForHistoryAsync(id, h => h.OfType<EventRaised>().Any());
        await hub.WaitForEmptyQueueAsync();
        await queue.SendAsync(vote, null, CancellationToken.None);
        await hub.WaitForEmptyQueueAsync();
        await hub.Client.RaiseEventAsync(id, "Vote", "close");

        var done = await hub.WaitAsync(id);
        Assert.Equal(["yes"], done.ReadOutputAs<List<string>>());
    }
}

using System.Security.Cryptography;
using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

/// <summary>Inputs, outputs and events above table-property and queue-message limits go through blobs, transparently.</summary>
public sealed class LargePayloadTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<string, string>("Reverse", (_, text) => Task.FromResult(new string(text.Reverse().ToArray())))
        .AddOrchestrator<string, Bundle>("Bundle", async (ctx, text) =>
        {
            var reversed = await ctx.CallActivityAsync<string>("Reverse", text);
            var attachment = await ctx.WaitForExternalEvent<string>("Attachment");
            return new Bundle(reversed, attachment);
        })
        .AddOrchestrator<string, int>("FiveTicks", async (ctx, text) =>
        {
            for (var i = 0; i < 5; i++)
            {
                await ctx.WaitForExternalEvent<int>("Tick");
            }

            return text.Length;
        });

    [Fact]
    public async Task StartNewAsync_200KbInputAnd100KbEvent_RoundTripIntoA300KbOutput()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var input = HexText(200_000);
        var attachment = HexText(100_000);

        var id = await hub.Client.StartNewAsync("Bundle", input);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        await hub.Client.RaiseEventAsync(id, "Attachment", attachment);

        var done = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        var bundle = done.ReadOutputAs<Bundle>();
        Assert.Equal(new string(input.Reverse().ToArray()), bundle?.Reversed);
        Assert.Equal(attachment, bundle?.Attachment);
        Assert.Equal(input, done.ReadInputAs<string>());
        var history = await hub.Client.GetHistoryAsync(id);
        Assert.Equal(JsonDataConverter.Default.Serialize(attachment), history.OfType<EventRaised>().Single().Input);
    }

    [Fact]
    public async Task Worker_LargeInputOverManySteps_DoesNotPileUpPayloadBlobs()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("FiveTicks", HexText(100_000));
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        await hub.WaitForEmptyQueueAsync();
        var blobsAfterFirstStep = await BlobCountAsync(hub, id);

        for (var i = 0; i < 5; i++)
        {
            await hub.Client.RaiseEventAsync(id, "Tick", i);
            await hub.WaitForHistoryAsync(id, h => h.OfType<EventRaised>().Count() > i);
        }

        Assert.Equal(100_000, (await hub.WaitAsync(id)).ReadOutputAs<int>());

        // The worker deletes the previous commit's blobs right after the final commit lands: give it a moment.
        var blobs = await BlobCountAsync(hub, id);
        for (var i = 0; i < 100 && blobs != blobsAfterFirstStep; i++)
        {
            await Task.Delay(50);
            blobs = await BlobCountAsync(hub, id);
        }

        Assert.Equal(blobsAfterFirstStep, blobs);
    }

    private static async Task<int> BlobCountAsync(TestHub hub, string instanceId)
    {
        var count = 0;
        await foreach (var _ in hub.GetInternal<TaskHubStorage>().Payloads.GetBlobsAsync(
            new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = instanceId + "/" }))
        {
            count++;
        }

        return count;
    }

    private static string HexText(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    public sealed record Bundle(string Reversed, string Attachment);
}

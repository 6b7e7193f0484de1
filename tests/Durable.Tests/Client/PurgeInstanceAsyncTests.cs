using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class PurgeInstanceAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, string?>("Quick", (_, input) => Task.FromResult(input))
        .AddOrchestrator<string?, string>("AwaitGo", (ctx, _) => ctx.WaitForExternalEvent<string>("Go"));

    [Fact]
    public async Task PurgeInstanceAsync_CompletedInstance_DeletesItAndItsBlobs()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var big = new string('p', 100_000);
        await hub.Client.StartNewAsync("Quick", big, new StartOrchestrationOptions { InstanceId = "old" });
        await hub.Client.StartNewAsync("Quick", big, new StartOrchestrationOptions { InstanceId = "older" });
        await hub.WaitAsync("old");
        await hub.WaitAsync("older");
        Assert.NotEmpty(await BlobsOfAsync(hub, "old"));

        var purged = await hub.Client.PurgeInstanceAsync("old");

        Assert.True(purged);
        Assert.Null(await hub.Client.GetInstanceAsync("old"));
        Assert.Empty(await BlobsOfAsync(hub, "old"));
        Assert.NotEmpty(await BlobsOfAsync(hub, "older"));
        Assert.Equal(big, (await hub.Client.GetInstanceAsync("older", getInputsAndOutputs: true))?.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_AlreadyPurgedOrUnknown_ReturnsFalse()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Quick", "x");
        await hub.WaitAsync(id);
        Assert.True(await hub.Client.PurgeInstanceAsync(id));

        Assert.False(await hub.Client.PurgeInstanceAsync(id));
        Assert.False(await hub.Client.PurgeInstanceAsync("never-existed"));
    }

    [Fact]
    public async Task PurgeInstanceAsync_RunningInstance_ThrowsAndKeepsIt()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.PurgeInstanceAsync(id));

        Assert.Contains("Running", ex.Message, StringComparison.Ordinal);
        await hub.Client.RaiseEventAsync(id, "Go", "still here");
        Assert.Equal("still here", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstancesAsync_FilterByStatus_PurgesOnlyMatchingEndedInstances()
    {
        await using var hub = await TestHub.StartAsync(Register);
        foreach (var id in new[] { "done-1", "done-2", "done-3" })
        {
            await hub.Client.StartNewAsync("Quick", null, new StartOrchestrationOptions { InstanceId = id });
            await hub.WaitAsync(id);
        }

        await hub.Client.StartNewAsync("AwaitGo", null, new StartOrchestrationOptions { InstanceId = "live" });
        await hub.Client.StartNewAsync("AwaitGo", null, new StartOrchestrationOptions { InstanceId = "stopped" });
        await hub.WaitUntilAsync("stopped", i => i.Status == OrchestrationStatus.Running);
        await hub.Client.TerminateAsync("stopped");
        await hub.WaitAsync("stopped");

        var purged = await hub.Client.PurgeInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Completed], PageSize = 2 });

        Assert.Equal(3, purged);
        Assert.Equal(["live", "stopped"], (await hub.AllInstancesAsync()).Select(i => i.InstanceId).Order());
    }

    [Fact]
    public async Task PurgeInstancesAsync_NoFilter_PurgesEveryEndedInstanceAndSkipsActiveOnes()
    {
        await using var hub = await TestHub.StartAsync(Register);
        foreach (var id in new[] { "done-1", "done-2" })
        {
            await hub.Client.StartNewAsync("Quick", null, new StartOrchestrationOptions { InstanceId = id });
            await hub.WaitAsync(id);
        }

        await hub.Client.StartNewAsync("AwaitGo", null, new StartOrchestrationOptions { InstanceId = "live" });
        await hub.WaitUntilAsync("live", i => i.Status == OrchestrationStatus.Running);

        var purged = await hub.Client.PurgeInstancesAsync(new InstanceQuery());

        Assert.Equal(2, purged);
        Assert.Equal(["live"], (await hub.AllInstancesAsync()).Select(i => i.InstanceId));
    }

    private static async Task<List<string>> BlobsOfAsync(TestHub hub, string instanceId)
    {
        var names = new List<string>();
        await foreach (var blob in hub.GetInternal<TaskHubStorage>().Payloads.GetBlobsAsync(
            new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = instanceId + "/" }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}

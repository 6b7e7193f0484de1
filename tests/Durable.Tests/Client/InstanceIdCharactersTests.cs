using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

/// <summary>Every id that <see cref="InstanceIds.Validate"/> accepts works end to end: as table keys, in query filters and as blob name prefixes.</summary>
public sealed class InstanceIdCharactersTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string, int>("MeasureAfterGo", async (ctx, text) => text.Length + await ctx.WaitForExternalEvent<int>("Go"));

    [Theory]
    [InlineData("with space")]
    [InlineData("it's quoted")]
    [InlineData("100%")]
    [InlineData("ünïcødé-ид")]
    [InlineData("a:b;c=d&e+f")]
    [InlineData("trailing.")]
    public async Task StartNewAsync_UnusualButValidInstanceId_RunsAndIsFoundAndPurgedWithItsBlobs(string instanceId)
    {
        await using var hub = await TestHub.StartAsync(Register);
        var input = new string('x', 40_000);

        await hub.Client.StartNewAsync("MeasureAfterGo", input, new StartOrchestrationOptions { InstanceId = instanceId });
        await hub.WaitUntilAsync(instanceId, i => i.Status == OrchestrationStatus.Running);
        await hub.Client.RaiseEventAsync(instanceId, "Go", 2);
        var done = await hub.WaitAsync(instanceId, TimeSpan.FromSeconds(15));

        Assert.Equal((OrchestrationStatus.Completed, 40_002), (done.Status, done.ReadOutputAs<int>()));
        Assert.Equal(input, done.ReadInputAs<string>());
        var found = await hub.AllInstancesAsync(new InstanceQuery { InstanceIdPrefix = instanceId });
        Assert.Equal([instanceId], found.Select(i => i.InstanceId));
        Assert.True(await hub.Client.PurgeInstanceAsync(instanceId));
        Assert.Null(await hub.Client.GetInstanceAsync(instanceId));
        Assert.Empty(await AllBlobNamesAsync(hub));
    }

    private static async Task<List<string>> AllBlobNamesAsync(TestHub hub)
    {
        var names = new List<string>();
        await foreach (var blob in hub.GetInternal<TaskHubStorage>().Payloads.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}

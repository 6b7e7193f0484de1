using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class VersioningTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<int, string>("Renew", async (ctx, round) =>
        {
            if (round == 0)
            {
                await ctx.WaitForExternalEvent<string>("Upgrade");
                ctx.ContinueAsNew(round + 1, new ContinueAsNewOptions { NewVersion = "v2" });
            }

            return $"v1 round {round}";
        }, "v1")
        .AddOrchestrator<int, string>("Renew", (ctx, round) => Task.FromResult($"{ctx.Version} round {round}"), "v2");

    [Fact]
    public async Task StartNewAsync_NoVersion_RunsTheLatestRegistered()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("Renew", 5);

        var done = await hub.WaitAsync(id);
        Assert.Equal(("v2", "v2 round 5"), (done.Version, done.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task StartNewAsync_OlderVersion_RunsThatVersion()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("Renew", 5, new StartOrchestrationOptions { Version = "v1" });

        var done = await hub.WaitAsync(id);
        Assert.Equal(("v1", "v1 round 5"), (done.Version, done.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task ContinueAsNew_WithNewVersion_NextExecutionRunsTheNewVersion()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Renew", 0, new StartOrchestrationOptions { Version = "v1" });
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        await hub.Client.RaiseEventAsync(id, "Upgrade", "now");

        var done = await hub.WaitAsync(id);
        Assert.Equal(("v2", "v2 round 1"), (done.Version, done.ReadOutputAs<string>()));
        Assert.Equal("v2", Assert.Single((await hub.Client.GetHistoryAsync(id)).OfType<ExecutionStarted>()).Version);
    }

    [Fact]
    public async Task StartNewAsync_UnregisteredVersion_ThrowsNamingTheVersionAndStoresNothing()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            hub.Client.StartNewAsync("Renew", 0, new StartOrchestrationOptions { InstanceId = "renew-v0", Version = "v0" }));

        Assert.Contains("version 'v0'", error.Message, StringComparison.Ordinal);
        Assert.Null(await hub.Client.GetInstanceAsync("renew-v0"));
    }
}

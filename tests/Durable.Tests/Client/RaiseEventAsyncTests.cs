using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class RaiseEventAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, Approval>("AwaitApproval", (ctx, _) => ctx.WaitForExternalEvent<Approval>("Approval"))
        .AddOrchestrator<string?, string>("Quick", (_, _) => Task.FromResult("done"));

    [Fact]
    public async Task RaiseEventAsync_InstanceWaitingForIt_DeliversThePayload()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitApproval");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        await hub.Client.RaiseEventAsync(id, "Approval", new Approval("kepala lapas", true));

        Assert.Equal(new Approval("kepala lapas", true), (await hub.WaitAsync(id)).ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ThrowsInstanceNotFound()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var ex = await Assert.ThrowsAsync<InstanceNotFoundException>(() => hub.Client.RaiseEventAsync("nobody", "Approval"));

        Assert.Equal("nobody", ex.InstanceId);
        Assert.Equal(0, await hub.QueuedMessageCountAsync());
    }

    [Fact]
    public async Task RaiseEventAsync_EndedInstance_ThrowsAndSendsNothing()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Quick");
        await hub.WaitAsync(id);
        await hub.WaitForEmptyQueueAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.RaiseEventAsync(id, "Approval"));

        Assert.Contains("Completed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await hub.QueuedMessageCountAsync());
    }

    [Fact]
    public async Task RaiseEventAsync_InvalidInstanceId_ThrowsArgumentException()
    {
        await using var hub = await TestHub.StartAsync(Register);

        await Assert.ThrowsAsync<ArgumentException>(() => hub.Client.RaiseEventAsync("a/b", "Approval"));
    }

    public sealed record Approval(string By, bool Approved);
}

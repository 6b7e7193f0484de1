using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class WaitForCompletionAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, string>("AwaitGo", (ctx, _) => ctx.WaitForExternalEvent<string>("Go"));

    [Fact]
    public async Task WaitForCompletionAsync_InstanceEndsWhileWaiting_ReturnsItWithOutput()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var waiting = hub.Client.WaitForCompletionAsync(id, cancellationToken: timeout.Token);
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        Assert.False(waiting.IsCompleted);

        await hub.Client.RaiseEventAsync(id, "Go", "went");

        var done = await waiting;
        Assert.Equal((OrchestrationStatus.Completed, "went"), (done.Status, done.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task WaitForCompletionAsync_TokenCanceledFirst_ThrowsOperationCanceled()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitGo");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hub.Client.WaitForCompletionAsync(id, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task WaitForCompletionAsync_UnknownInstance_ThrowsInstanceNotFound()
    {
        await using var hub = await TestHub.StartAsync(Register);

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => hub.Client.WaitForCompletionAsync("nobody"));
    }
}

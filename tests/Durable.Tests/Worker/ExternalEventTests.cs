using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class ExternalEventTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, string>("AwaitApproval", async (ctx, _) => "approved by " + await ctx.WaitForExternalEvent<string>("Approval"))
        .AddOrchestrator<string?, string>("AwaitApprovalForThreeDays", async (ctx, _) =>
        {
            try
            {
                return "approved by " + await ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromDays(3));
            }
            catch (TimeoutException)
            {
                return "escalated";
            }
        })
        .AddOrchestrator<string?, string[]>("CollectTwo", async (ctx, _) =>
            [await ctx.WaitForExternalEvent<string>("Item"), await ctx.WaitForExternalEvent<string>("Item")]);

    [Fact]
    public async Task WaitForExternalEvent_NoTimeoutAndEventRaised_Completes()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("AwaitApproval");
        await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);

        await hub.Client.RaiseEventAsync(id, "Approval", "kalapas");

        Assert.Equal("approved by kalapas", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TwoEventsRaisedBackToBack_BothDeliveredInOrder()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("CollectTwo");

        await hub.Client.RaiseEventAsync(id, "Item", "first");
        await hub.Client.RaiseEventAsync(id, "Item", "second");

        Assert.Equal(["first", "second"], (await hub.WaitAsync(id)).ReadOutputAs<string[]>() ?? []);
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeout_EventBeforeTimeout_CompletesWithTheEvent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var id = await hub.Client.StartNewAsync("AwaitApprovalForThreeDays");
        await hub.WaitForTimerCreatedAsync(id);

        time.Advance(TimeSpan.FromDays(1));
        await hub.Client.RaiseEventAsync(id, "Approval", "kalapas");

        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(10));
        Assert.Equal("approved by kalapas", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeout_NoEventBeforeTimeout_TimesOut()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(Register, time: time);
        var id = await hub.Client.StartNewAsync("AwaitApprovalForThreeDays");
        await hub.WaitForTimerCreatedAsync(id);

        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        var done = await hub.WaitAsync(id, TimeSpan.FromSeconds(10));
        Assert.Equal("escalated", done.ReadOutputAs<string>());
    }
}

using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

/// <summary>A start with bad input fails at the client with a clear message, and stores nothing.</summary>
public sealed class StartNewAsyncValidationTests
{
    private static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestrator<object?, string>("Echo", (_, input) => Task.FromResult($"{input}"));

    [Theory]
    [InlineData("orders/42", "/")]
    [InlineData("a?b", "?")]
    [InlineData("", "empty")]
    [InlineData("line\nbreak", "U+000A")]
    public async Task StartNewAsync_InvalidInstanceId_ThrowsAndStoresNothing(string instanceId, string named)
    {
        await using var hub = await TestHub.StartAsync(Register);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            hub.Client.StartNewAsync("Echo", "x", new StartOrchestrationOptions { InstanceId = instanceId }));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task StartNewAsync_TooLongInstanceId_ThrowsAndStoresNothing()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            hub.Client.StartNewAsync("Echo", "x", new StartOrchestrationOptions { InstanceId = new string('a', 300) }));

        Assert.Contains("at most 256", ex.Message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task StartNewAsync_UnknownOrchestrator_ThrowsNamingItAndStoresNothing()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => hub.Client.StartNewAsync("Ecko", "x"));

        Assert.Contains("'Ecko'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("name", ex.ParamName);
        await AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task StartNewAsync_InputWithACycle_ThrowsPayloadSerializationExceptionAndStoresNothing()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var node = new Node();
        node.Next = node;

        var ex = await Assert.ThrowsAsync<PayloadSerializationException>(() =>
            hub.Client.StartNewAsync("Echo", node, new StartOrchestrationOptions { InstanceId = "cyclic" }));

        Assert.Contains(nameof(Node), ex.Message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(hub);
        Assert.Null(await hub.Client.GetInstanceAsync("cyclic"));
    }

    private static async Task AssertNothingStoredAsync(TestHub hub)
    {
        Assert.Empty(await hub.AllInstancesAsync());
        Assert.Equal(0, await hub.QueuedMessageCountAsync());
    }

    public sealed class Node
    {
        public Node? Next { get; set; }
    }
}

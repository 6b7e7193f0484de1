using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Client;

public sealed class QueryInstancesAsyncTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<string?, string?>("Quick", (_, input) => Task.FromResult(input))
        .AddOrchestrator<string?, string>("AwaitGo", (ctx, _) => ctx.WaitForExternalEvent<string>("Go"));

    [Fact]
    public async Task QueryInstancesAsync_ByStatus_ReturnsOnlyInstancesInThoseStatuses()
    {
        await using var hub = await TestHub.StartAsync(Register);
        string[] done = ["done-1", "done-2"], waiting = ["wait-1", "wait-2"];
        foreach (var id in done)
        {
            await hub.Client.StartNewAsync("Quick", id, new StartOrchestrationOptions { InstanceId = id });
            await hub.WaitAsync(id);
        }

        foreach (var id in waiting)
        {
            await hub.Client.StartNewAsync("AwaitGo", null, new StartOrchestrationOptions { InstanceId = id });
            await hub.WaitUntilAsync(id, i => i.Status == OrchestrationStatus.Running);
        }

        var running = await hub.AllInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Running] });
        var completed = await hub.AllInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Completed] });
        var either = await hub.AllInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Completed, OrchestrationStatus.Running] });
        var failed = await hub.AllInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Failed] });

        Assert.Equal(waiting, running.Select(i => i.InstanceId).Order());
        Assert.Equal(done, completed.Select(i => i.InstanceId).Order());
        Assert.Equal(4, either.Count);
        Assert.Empty(failed);
    }

    [Fact]
    public async Task QueryInstancesAsync_ByCreatedRange_FromIsInclusiveAndToExclusive()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var t0 = time.GetUtcNow();
        await using var hub = await TestHub.StartAsync(Register, time: time);
        foreach (var id in new[] { "at-0h", "at-1h", "at-2h" })
        {
            await hub.Client.StartNewAsync("Quick", null, new StartOrchestrationOptions { InstanceId = id });
            await hub.WaitAsync(id);
            time.Advance(TimeSpan.FromHours(1));
        }

        var middle = await hub.AllInstancesAsync(new InstanceQuery { CreatedFrom = t0.AddHours(1), CreatedTo = t0.AddHours(2) });
        var fromOne = await hub.AllInstancesAsync(new InstanceQuery { CreatedFrom = t0.AddHours(1) });
        var beforeOne = await hub.AllInstancesAsync(new InstanceQuery { CreatedTo = t0.AddHours(1) });

        Assert.Equal(["at-1h"], middle.Select(i => i.InstanceId));
        Assert.Equal(["at-1h", "at-2h"], fromOne.Select(i => i.InstanceId).Order());
        Assert.Equal(["at-0h"], beforeOne.Select(i => i.InstanceId));
        Assert.Equal(t0.AddHours(1), middle[0].CreatedAt);
    }

    [Fact]
    public async Task QueryInstancesAsync_ByIdPrefix_ReturnsOnlyIdsStartingWithIt()
    {
        await using var hub = await TestHub.StartAsync(Register);
        foreach (var id in new[] { "lapas-1", "lapas-2", "lapasx", "bapas-1", "la" })
        {
            await hub.Client.StartNewAsync("Quick", null, new StartOrchestrationOptions { InstanceId = id });
        }

        var found = await hub.AllInstancesAsync(new InstanceQuery { InstanceIdPrefix = "lapas-" });

        Assert.Equal(["lapas-1", "lapas-2"], found.Select(i => i.InstanceId).Order());
    }

    [Fact]
    public async Task QueryInstancesAsync_SevenInstancesPageSizeThree_ThreePagesCoveringEachOnce()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var ids = Enumerable.Range(1, 7).Select(i => $"page-{i}").ToArray();
        foreach (var id in ids)
        {
            await hub.Client.StartNewAsync("Quick", null, new StartOrchestrationOptions { InstanceId = id });
        }

        var pages = new List<InstancePage>();
        var query = new InstanceQuery { PageSize = 3 };
        do
        {
            var page = await hub.Client.QueryInstancesAsync(query);
            pages.Add(page);
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(ids, pages.SelectMany(p => p.Items).Select(i => i.InstanceId).Order());
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task QueryInstancesAsync_FetchPayloads_IncludesInputAndOutputOnlyWhenAsked()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var id = await hub.Client.StartNewAsync("Quick", "cargo");
        await hub.WaitAsync(id);

        var with = Assert.Single((await hub.Client.QueryInstancesAsync(new InstanceQuery { FetchPayloads = true })).Items);
        var without = Assert.Single((await hub.Client.QueryInstancesAsync(new InstanceQuery())).Items);

        Assert.Equal(("\"cargo\"", "\"cargo\""), (with.SerializedInput, with.SerializedOutput));
        Assert.Equal(((string?)null, (string?)null), (without.SerializedInput, without.SerializedOutput));
        Assert.Equal((id, OrchestrationStatus.Completed, "Quick"), (without.InstanceId, without.Status, without.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task QueryInstancesAsync_PageSizeOutOfRange_Throws(int pageSize)
    {
        await using var hub = await TestHub.StartAsync(Register);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => hub.Client.QueryInstancesAsync(new InstanceQuery { PageSize = pageSize }));
    }
}

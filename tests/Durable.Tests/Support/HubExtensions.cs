using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Tests.Support;

/// <summary>Polling and counting helpers for tests that run against a <see cref="TestHub"/>.</summary>
internal static class HubExtensions
{
    /// <summary>Polls the instance's history until <paramref name="condition"/> holds.</summary>
    public static async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(
        this TestHub hub, string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var history = await hub.Client.GetHistoryAsync(instanceId);
            if (condition(history))
            {
                return history;
            }

            if (DateTime.UtcNow > deadline)
            {
                var kinds = string.Join(", ", history.Select(e => e.GetType().Name));
                throw new TimeoutException($"The history of {instanceId} did not reach the expected state; it is [{kinds}].");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the worker has committed a durable timer for the instance.</summary>
    public static Task<IReadOnlyList<HistoryEvent>> WaitForTimerCreatedAsync(this TestHub hub, string instanceId) =>
        hub.WaitForHistoryAsync(instanceId, h => h.OfType<TimerCreated>().Any());

    /// <summary>Every instance of the hub, across all pages.</summary>
    public static async Task<List<OrchestrationMetadata>> AllInstancesAsync(this TestHub hub, InstanceQuery? query = null)
    {
        var all = new List<OrchestrationMetadata>();
        var next = query ?? new InstanceQuery();
        do
        {
            var page = await hub.Client.QueryInstancesAsync(next);
            all.AddRange(page.Items);
            next = next with { ContinuationToken = page.ContinuationToken };
        }
        while (next.ContinuationToken is not null);

        return all;
    }

    /// <summary>Messages in the hub's work queue, including ones being processed.</summary>
    public static async Task<int> QueuedMessageCountAsync(this TestHub hub)
    {
        var properties = await hub.GetInternal<TaskHubStorage>().WorkQueue.GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount;
    }

    /// <summary>Waits until the work queue holds no message at all (every one received has been deleted).</summary>
    public static async Task WaitForEmptyQueueAsync(this TestHub hub, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (await hub.QueuedMessageCountAsync() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The work queue did not drain.");
            }

            await Task.Delay(25);
        }
    }
}

using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace PepFunctions.Durable.Storage;

/// <summary>A timer row claimed by a worker.</summary>
internal sealed record DueTimer(WorkMessage Message, string RowKey, ETag ETag, int Attempts);

/// <summary>
/// Durable timers and scheduled starts, as rows ordered by due time: one partition, RowKey
/// <c>{due ticks, 19 digits}|{message id}</c>, so "what is due" is one range query and timers of any
/// length (months) need no queue message that outlives the queue's 7-day visibility limit.
/// </summary>
/// <remarks>
/// Rows are written before the step that creates them commits (idempotently, keyed by message id);
/// a row whose step never committed is recognised when it fires — the history has no such timer — and dropped.
/// A worker claims a due row by setting a lease with its ETag, so two workers do not fire it at once.
/// </remarks>
internal sealed class TimerStore(TableClient table)
{
    private const string Partition = "t";

    public Task UpsertAsync(IReadOnlyCollection<WorkMessage> timers, CancellationToken cancellationToken)
    {
        if (timers.Count == 0)
        {
            return Task.CompletedTask;
        }

        var actions = timers.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(t, attempts: 0, leaseUntil: null)));
        return Task.WhenAll(actions.Chunk(100).Select(batch => table.SubmitTransactionAsync(batch, cancellationToken)));
    }

    /// <summary>Claims up to <paramref name="max"/> due, unleased timers.</summary>
    public async Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, DateTimeOffset wallNow, int max, CancellationToken cancellationToken)
    {
        var upTo = RowKeyPrefix(now.UtcDateTime.AddTicks(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {upTo}");
        var claimed = new List<DueTimer>();
        await foreach (var page in table.QueryAsync<TableEntity>(filter, max, cancellationToken: cancellationToken).AsPages(pageSizeHint: max))
        {
            foreach (var entity in page.Values)
            {
                if (entity.GetDateTimeOffset("LeaseUntil") is { } lease && lease > wallNow)
                {
                    continue;
                }

                var attempts = (entity.GetInt32("Attempts") ?? 0) + 1;
                entity["Attempts"] = attempts;
                entity["LeaseUntil"] = leaseUntil;
                try
                {
                    var response = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                    claimed.Add(new DueTimer(Json.Deserialize<WorkMessage>(entity.GetString("Message")), entity.RowKey, response.Headers.ETag ?? default, attempts));
                }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404)
                {
                    // Another worker claimed or fired it first.
                }
            }

            break;
        }

        return claimed;
    }

    public async Task DeleteAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, timer.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already fired by another worker after our lease ran out.
        }
    }

    /// <summary>Releases a claim so the timer is tried again after <paramref name="retryAt"/>, recording why.</summary>
    public async Task ReleaseAsync(DueTimer timer, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        var entity = ToEntity(timer.Message with { LastError = WorkQueue.Truncate(error) }, timer.Attempts, retryAt);
        entity.RowKey = timer.RowKey;
        try
        {
            await table.UpdateEntityAsync(entity, timer.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Someone else holds or fired it now.
        }
    }

    private static TableEntity ToEntity(WorkMessage message, int attempts, DateTimeOffset? leaseUntil)
    {
        var due = message.FireAt ?? throw new ArgumentException("A timer message needs FireAt.", nameof(message));
        return new TableEntity(Partition, RowKeyPrefix(due) + "|" + message.Id)
        {
            ["Message"] = Json.Serialize(message),
            ["InstanceId"] = message.InstanceId,
            ["Attempts"] = attempts,
            ["LeaseUntil"] = leaseUntil,
        };
    }

    private static string RowKeyPrefix(DateTime dueUtc) => dueUtc.Ticks.ToString("D19", CultureInfo.InvariantCulture);
}

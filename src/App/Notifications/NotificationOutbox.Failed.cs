using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;

namespace PepFunctions.App.Notifications;

/// <summary>The notifications the sender gave up on: listing them, and putting one back for the sender.</summary>
public sealed partial class NotificationOutbox
{
    private const int RequeueTries = 10;

    /// <summary>Up to <paramref name="max"/> given-up notifications, newest first.</summary>
    /// <remarks>
    /// The <c>failed</c> partition; and rows given up before they moved there (marked Failed in the sender's partition),
    /// which the sender's query passes over and an administrator may still requeue.
    /// </remarks>
    internal async Task<IReadOnlyList<PendingNotificationEntity>> ListFailedAsync(int max, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Outbox, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {NotificationTables.FailedPartition} or (PartitionKey eq {NotificationTables.PendingPartition} and Failed eq {true})");
        var failed = new List<PendingNotificationEntity>();
        await foreach (var row in table.QueryAsync<PendingNotificationEntity>(filter, cancellationToken: cancellationToken))
        {
            failed.Add(row);
        }

        return [.. failed.OrderByDescending(row => row.CreatedAt).ThenBy(row => row.Id, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>
    /// Puts a given-up notification back in the outbox, due now, with a fresh count of tries: the sender's next run
    /// takes it. Safe to repeat: a notification that is queued already, or was delivered since, is left as it is.
    /// </summary>
    /// <param name="id">The notification id.</param>
    /// <param name="requeuedBy">The administrator's username, kept on the row.</param>
    /// <param name="cancellationToken">Cancels the read and the write.</param>
    /// <remarks>
    /// The count of tries starts again at zero, so the notification gets the whole <see cref="NotificationOptions.MaxAttempts"/>
    /// with the back-off from its first delay: an operator retries after fixing the cause, and a single hiccup right
    /// after that fix should not give it up again at once. Its last error stays until the next try replaces it.
    /// </remarks>
    internal async Task<RequeueOutcome> RequeueAsync(string id, string requeuedBy, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Outbox, cancellationToken);
        var failed = await table.GetEntityIfExistsAsync<PendingNotificationEntity>(NotificationTables.FailedPartition, id, cancellationToken: cancellationToken);
        if (failed.HasValue)
        {
            // Back into the sender's partition first, then out of the failed one: a crash between the two leaves it queued
            // and still listed, and a second requeue then finds it queued and clears the listing.
            var row = failed.Value!;
            var failedTag = row.ETag;
            var queued = Requeued(row, requeuedBy);
            queued.PartitionKey = NotificationTables.PendingPartition;
            var outcome = RequeueOutcome.Requeued;
            try
            {
                await table.AddEntityAsync(queued, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
            {
                outcome = RequeueOutcome.Queued;
            }

            try
            {
                await table.DeleteEntityAsync(NotificationTables.FailedPartition, id, failedTag, cancellationToken);
            }
            catch (RequestFailedException ex) when (TableErrors.IsConflict(ex) || TableErrors.IsNotFound(ex))
            {
                // Another requeue of the same notification removed it.
            }

            return outcome;
        }

        for (var attempt = 1; ; attempt++)
        {
            // A row given up before failed rows moved out of the sender's partition: requeued where it is.
            var row = await table.GetEntityIfExistsAsync<PendingNotificationEntity>(NotificationTables.PendingPartition, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return await IsDeliveredAsync(id, cancellationToken) ? RequeueOutcome.Delivered : RequeueOutcome.Unknown;
            }

            var pending = row.Value!;
            if (!pending.Failed)
            {
                // A sender may be finishing it: delivered, and about to remove the row.
                return await IsDeliveredAsync(id, cancellationToken) ? RequeueOutcome.Delivered : RequeueOutcome.Queued;
            }

            try
            {
                await table.UpdateEntityAsync(Requeued(pending, requeuedBy), pending.ETag, TableUpdateMode.Replace, cancellationToken);
                return RequeueOutcome.Requeued;
            }
            catch (RequestFailedException ex) when ((TableErrors.IsConflict(ex) || TableErrors.IsNotFound(ex)) && attempt < RequeueTries)
            {
                // Another retry of the same notification came first: read it again and answer from what it did.
            }
        }
    }

    /// <summary>The row as the sender takes it again: due now, no tries yet, not failed, with who put it back.</summary>
    private PendingNotificationEntity Requeued(PendingNotificationEntity row, string requeuedBy)
    {
        var now = clock.GetUtcNow();
        row.Failed = false;
        row.Attempts = 0;
        row.NextAttemptAt = now;
        row.RequeuedAt = now;
        row.RequeuedBy = requeuedBy;
        return row;
    }
}

/// <summary>What <see cref="NotificationOutbox.RequeueAsync"/> found and did.</summary>
internal enum RequeueOutcome
{
    /// <summary>It was given up, and is queued again now.</summary>
    Requeued,

    /// <summary>It is queued already (requeued before, or never given up): nothing changed.</summary>
    Queued,

    /// <summary>It was delivered: nothing changed.</summary>
    Delivered,

    /// <summary>There is no such notification.</summary>
    Unknown,
}

using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;

namespace PepFunctions.App.Notifications;

/// <summary>What to tell one member of staff.</summary>
/// <param name="Recipient">The staff member's username.</param>
/// <param name="Kind">What it is about, e.g. <c>FollowUpOverdue</c>; <see cref="NotificationText"/> words the known kinds.</param>
/// <param name="CaseId">The case it is about, if any.</param>
/// <param name="FollowUp">The follow-up it is about, if any.</param>
/// <param name="Detail">A short text for kinds without their own wording. Never a person's name or NIK.</param>
public sealed record Notification(string Recipient, string Kind, string? CaseId = null, int? FollowUp = null, string? Detail = null);

/// <summary>
/// The notification outbox: a notification is put here (<see cref="EnqueueAsync"/>) and the <c>SendNotifications</c>
/// timer function (<see cref="NotificationDelivery"/>) delivers it on its schedule, retrying with back-off.
/// </summary>
/// <remarks>
/// <para>
/// Callers that can run twice (activities, sweeps) pass a deduplication key that is the same on every run —
/// an activity's <c>IdempotencyKey</c>, a sweep's name and date. The notification id is derived from the key
/// and the recipient, so a second enqueue of the same notification is a no-op, whether it is still pending
/// or was delivered already.
/// </para>
/// <para>
/// Delivery is exactly once to the notifications page and at least once to SMTP: a crash between handing
/// the e-mail to the server and recording the delivery sends it again (with the same Message-ID header, so
/// mail clients can fold duplicates).
/// </para>
/// <para>
/// A notification given up after its last try moves to the outbox's <c>failed</c> partition, out of the sender's way,
/// until an administrator requeues it (<c>NotificationOutbox.Failed.cs</c>).
/// </para>
/// </remarks>
public sealed partial class NotificationOutbox(HubStorage storage, TimeProvider clock)
{
    /// <summary>Puts a notification in the outbox.</summary>
    /// <param name="notification">What to tell whom.</param>
    /// <param name="deduplicationKey">The same key on every attempt to queue this notification.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when queued now; false when the same notification was queued or delivered before.</returns>
    public async Task<bool> EnqueueAsync(Notification notification, string deduplicationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(deduplicationKey);

        var id = IdFor(deduplicationKey, notification.Recipient);
        if (await IsDeliveredAsync(id, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var pending = new PendingNotificationEntity
        {
            RowKey = id,
            Recipient = notification.Recipient,
            Kind = notification.Kind,
            CaseId = notification.CaseId,
            FollowUp = notification.FollowUp,
            Detail = notification.Detail,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        var outbox = await storage.TableAsync(NotificationTables.Outbox, cancellationToken);
        try
        {
            var added = await outbox.AddEntityAsync(pending, cancellationToken);
            pending.ETag = added.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            return false;
        }

        // The same notification may have been delivered between the check above and the add: its pending row was
        // removed only after its marker was written, so the marker is there now.
        if (await IsDeliveredAsync(id, cancellationToken))
        {
            await RemoveAsync(pending, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>The id of the notification queued with <paramref name="deduplicationKey"/> for <paramref name="recipient"/>.</summary>
    public static string IdFor(string deduplicationKey, string recipient) => StableIds.From($"{deduplicationKey}|{recipient}", 32);

    /// <summary>A recipient's delivered notifications, newest first.</summary>
    public async Task<IReadOnlyList<SentNotificationEntity>> ListSentAsync(string recipient, int max, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Sent, cancellationToken);
        var sent = new List<SentNotificationEntity>();
        await foreach (var row in table.QueryAsync<SentNotificationEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {recipient}"), maxPerPage: max, cancellationToken: cancellationToken))
        {
            sent.Add(row);
            if (sent.Count == max)
            {
                break;
            }
        }

        return sent;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> notifications that are due, by moving their next attempt past the
    /// claim with the row's ETag: two senders never hold the same one.
    /// </summary>
    internal async Task<IReadOnlyList<PendingNotificationEntity>> ClaimDueAsync(int max, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Outbox, cancellationToken);
        var now = clock.GetUtcNow();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {NotificationTables.PendingPartition} and Failed eq {false} and NextAttemptAt le {now}");
        var claimed = new List<PendingNotificationEntity>();
        await foreach (var pending in table.QueryAsync<PendingNotificationEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            pending.NextAttemptAt = now + claimFor;
            pending.Attempts++;
            try
            {
                var response = await table.UpdateEntityAsync(pending, pending.ETag, TableUpdateMode.Replace, cancellationToken);
                pending.ETag = response.Headers.ETag ?? default;
                claimed.Add(pending);
            }
            catch (RequestFailedException ex) when (TableErrors.IsConflict(ex) || TableErrors.IsNotFound(ex))
            {
                // Another sender claimed or delivered it.
            }

            if (claimed.Count == max)
            {
                break;
            }
        }

        return claimed;
    }

    /// <summary>Whether the notification was delivered already.</summary>
    internal async Task<bool> IsDeliveredAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Delivered, cancellationToken);
        return (await table.GetEntityIfExistsAsync<DeliveredMarkerEntity>(id, id, cancellationToken: cancellationToken)).HasValue;
    }

    /// <summary>Records a delivery (page entry and marker), then removes the notification from the outbox.</summary>
    internal async Task CompleteAsync(PendingNotificationEntity pending, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = await storage.TableAsync(NotificationTables.Sent, cancellationToken);
        await sent.UpsertEntityAsync(new SentNotificationEntity
        {
            PartitionKey = pending.Recipient,
            RowKey = NotificationTables.SentKey(pending.CreatedAt, pending.Id),
            NotificationId = pending.Id,
            Kind = pending.Kind,
            CaseId = pending.CaseId,
            FollowUp = pending.FollowUp,
            Text = text,
            CreatedAt = pending.CreatedAt,
            DeliveredAt = now,
        }, TableUpdateMode.Replace, cancellationToken);
        await MarkDeliveredAsync(pending, now, cancellationToken);
    }

    /// <summary>Removes a notification that was delivered before (a duplicate that slipped in) without sending it.</summary>
    internal Task DropDuplicateAsync(PendingNotificationEntity pending, CancellationToken cancellationToken) =>
        RemoveAsync(pending, cancellationToken);

    /// <summary>
    /// Records a failed try: the next one after <paramref name="retryAfter"/>; or, when <paramref name="giveUp"/>, none: the
    /// row moves to <see cref="NotificationTables.FailedPartition"/> (written there first, then removed from the sender's
    /// partition with the claim's ETag), where only administrators look.
    /// </summary>
    internal async Task FailAsync(PendingNotificationEntity pending, string error, TimeSpan retryAfter, bool giveUp, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Outbox, cancellationToken);
        pending.LastError = error.Length > 1000 ? error[..1000] : error;
        pending.NextAttemptAt = clock.GetUtcNow() + retryAfter;
        pending.Failed = giveUp;
        try
        {
            if (!giveUp)
            {
                await table.UpdateEntityAsync(pending, pending.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }

            var claim = pending.ETag;
            pending.PartitionKey = NotificationTables.FailedPartition;
            await table.UpsertEntityAsync(pending, TableUpdateMode.Replace, cancellationToken);
            try
            {
                await table.DeleteEntityAsync(NotificationTables.PendingPartition, pending.RowKey, claim, cancellationToken);
            }
            catch (RequestFailedException ex) when (TableErrors.IsConflict(ex) || TableErrors.IsNotFound(ex))
            {
                // Another sender holds it now (the claim ran out): it is not given up after all.
                await table.DeleteEntityAsync(NotificationTables.FailedPartition, pending.RowKey, ETag.All, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (TableErrors.IsConflict(ex) || TableErrors.IsNotFound(ex))
        {
            // The claim ran out and another sender took it over.
        }
    }

    private async Task MarkDeliveredAsync(PendingNotificationEntity pending, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var delivered = await storage.TableAsync(NotificationTables.Delivered, cancellationToken);
        await delivered.UpsertEntityAsync(
            new DeliveredMarkerEntity { PartitionKey = pending.Id, RowKey = pending.Id, Recipient = pending.Recipient, DeliveredAt = at },
            TableUpdateMode.Replace, cancellationToken);
        await RemoveAsync(pending, cancellationToken);
    }

    private async Task RemoveAsync(PendingNotificationEntity pending, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(NotificationTables.Outbox, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(pending.PartitionKey, pending.RowKey, pending.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsConflict(ex) || TableErrors.IsNotFound(ex))
        {
            // Another sender took it over after the claim ran out; it will find the marker and drop it.
        }
    }
}

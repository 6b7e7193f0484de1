using System.Globalization;
using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace PepFunctions.App.Notifications;

/// <summary>The notification tables' names after the hub prefix (see <c>docs/tables.md</c>).</summary>
internal static class NotificationTables
{
    /// <summary>The outbox: PartitionKey = <see cref="PendingPartition"/> (or <see cref="FailedPartition"/>), RowKey = notification id.</summary>
    public const string Outbox = "Notifications";

    /// <summary>Delivered notifications: PartitionKey = recipient username, RowKey = inverted creation ticks + id (newest first).</summary>
    public const string Sent = "NotificationsSent";

    /// <summary>PartitionKey = RowKey = notification id of every delivered notification: what keeps a re-queued one from going out twice.</summary>
    public const string Delivered = "NotificationsDelivered";

    /// <summary>The outbox's partition of notifications still to be tried: the only one the sender reads.</summary>
    public const string PendingPartition = "pending";

    /// <summary>
    /// The outbox's partition of notifications given up after their last try, kept for an administrator: out of the
    /// sender's partition, so the sender's query never passes over them however many pile up.
    /// </summary>
    public const string FailedPartition = "failed";

    /// <summary>The RowKey of a delivered notification in <see cref="Sent"/>: newest first, the same on every write of it.</summary>
    public static string SentKey(DateTimeOffset createdAt, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + id;
}

/// <summary>A row of the outbox: a notification waiting to be delivered.</summary>
internal sealed class PendingNotificationEntity : ITableEntity
{
    /// <summary><see cref="NotificationTables.PendingPartition"/>, or <see cref="NotificationTables.FailedPartition"/> once given up.</summary>
    public string PartitionKey { get; set; } = NotificationTables.PendingPartition;

    /// <summary>The notification id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Recipient { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? CaseId { get; set; }

    public int? FollowUp { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not tried before this time: a claim's end, or the back-off after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Given up after the last try; kept for an operator to look at.</summary>
    public bool Failed { get; set; }

    /// <summary>When an administrator last put it back after it was given up, if ever.</summary>
    public DateTimeOffset? RequeuedAt { get; set; }

    /// <summary>The administrator who did it (a username).</summary>
    public string? RequeuedBy { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    [IgnoreDataMember]
    public Notification Notification => new(Recipient, Kind, CaseId, FollowUp, Detail);
}

/// <summary>A row of <c>NotificationsSent</c>: what the recipient's notifications page shows.</summary>
public sealed class SentNotificationEntity : ITableEntity
{
    /// <summary>The recipient's username.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary><see cref="NotificationTables.SentKey"/>.</summary>
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The notification id.</summary>
    public string NotificationId { get; set; } = "";

    /// <summary>What it is about, e.g. <c>FollowUpOverdue</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The case it is about, if any.</summary>
    public string? CaseId { get; set; }

    /// <summary>The follow-up it is about, if any.</summary>
    public int? FollowUp { get; set; }

    /// <summary>The message as delivered.</summary>
    public string Text { get; set; } = "";

    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset DeliveredAt { get; set; }
}

/// <summary>A row of <c>NotificationsDelivered</c>.</summary>
internal sealed class DeliveredMarkerEntity : ITableEntity
{
    /// <summary>The notification id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The notification id again.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Recipient { get; set; } = "";

    public DateTimeOffset DeliveredAt { get; set; }
}

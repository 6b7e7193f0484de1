using System.Text.RegularExpressions;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Notifications;

/// <summary>
/// The notifications the sender gave up on, for administrators: each with why its last try failed, and a retry that
/// puts it back for the sender's next run. The <c>/api/admin/notifications</c> functions and the
/// <c>/kelola/notifikasi</c> page call it.
/// </summary>
/// <remarks>
/// <para>Only an <see cref="StaffRole.Administrator"/> may list or retry (<see cref="ForbiddenException"/> otherwise).</para>
/// <para>
/// A retry is safe to repeat: retrying a notification that is queued already or was delivered since changes nothing
/// and answers where it is (<see cref="NotificationRetryState"/>). It never sends anything itself, so a double click
/// cannot send twice; the sender's delivered markers keep a requeued notification from going out twice.
/// </para>
/// </remarks>
public sealed partial class FailedNotifications(NotificationOutbox outbox, ILogger<FailedNotifications> logger)
{
    /// <summary>The most given-up notifications listed at once, newest first.</summary>
    public const int MaxListed = 200;

    /// <summary>The given-up notifications, newest first (at most <see cref="MaxListed"/>).</summary>
    /// <exception cref="ForbiddenException"><paramref name="staff"/> is not an administrator.</exception>
    public async Task<IReadOnlyList<FailedNotificationResponse>> ListAsync(StaffMember staff, CancellationToken cancellationToken)
    {
        RequireAdministrator(staff);
        return [.. (await outbox.ListFailedAsync(MaxListed, cancellationToken)).Select(FailedNotificationResponse.From)];
    }

    /// <summary>Puts the given-up notification <paramref name="notificationId"/> back for the sender.</summary>
    /// <returns>Where the notification is now: queued, or delivered already.</returns>
    /// <exception cref="ForbiddenException"><paramref name="staff"/> is not an administrator.</exception>
    /// <exception cref="NotFoundException">There is no such notification.</exception>
    public async Task<NotificationRetryResponse> RetryAsync(StaffMember staff, string notificationId, CancellationToken cancellationToken)
    {
        RequireAdministrator(staff);

        // Anything but a notification id cannot be one (and may hold characters a table key refuses).
        var outcome = NotificationId().IsMatch(notificationId)
            ? await outbox.RequeueAsync(notificationId, staff.Username, cancellationToken)
            : RequeueOutcome.Unknown;
        switch (outcome)
        {
            case RequeueOutcome.Unknown:
                throw new NotFoundException($"There is no notification '{notificationId}'.");
            case RequeueOutcome.Requeued:
                logger.LogInformation("Notification {NotificationId} requeued by {Username}", notificationId, staff.Username);
                break;
        }

        return new NotificationRetryResponse(
            notificationId, outcome == RequeueOutcome.Delivered ? NotificationRetryState.Delivered : NotificationRetryState.Queued);
    }

    private static void RequireAdministrator(StaffMember staff)
    {
        if (staff.Role != StaffRole.Administrator)
        {
            throw new ForbiddenException("Only an administrator may see or retry notifications that were given up.");
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NotificationId();
}

/// <summary>A notification the sender gave up on. Never a person's name or NIK: the case is named by its id.</summary>
/// <param name="Id">The notification id, for the retry.</param>
/// <param name="Recipient">The staff member's username.</param>
/// <param name="Kind">What it is about, e.g. <c>FollowUpOverdue</c>.</param>
/// <param name="CaseId">The case it is about, if any.</param>
/// <param name="FollowUp">The follow-up it is about, if any.</param>
/// <param name="Attempts">Tries since it was queued (or last requeued).</param>
/// <param name="LastError">Why the last try failed.</param>
/// <param name="CreatedAt">When it was queued (UTC).</param>
/// <param name="RequeuedAt">When an administrator last requeued it, if ever.</param>
/// <param name="RequeuedBy">Who did.</param>
public sealed record FailedNotificationResponse(
    string Id, string Recipient, string Kind, string? CaseId, int? FollowUp, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? RequeuedAt, string? RequeuedBy)
{
    internal static FailedNotificationResponse From(PendingNotificationEntity row) =>
        new(row.Id, row.Recipient, row.Kind, row.CaseId, row.FollowUp, row.Attempts, row.LastError, row.CreatedAt, row.RequeuedAt, row.RequeuedBy);
}

/// <summary>Where a retried notification is.</summary>
/// <param name="Id">The notification id.</param>
/// <param name="State">Queued for the sender's next run, or delivered already.</param>
public sealed record NotificationRetryResponse(string Id, NotificationRetryState State);

/// <summary>Where a retried notification is.</summary>
public enum NotificationRetryState
{
    /// <summary>In the outbox, due: the sender's next run takes it.</summary>
    Queued,

    /// <summary>Delivered already; nothing to do.</summary>
    Delivered,
}

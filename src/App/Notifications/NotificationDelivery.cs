using Microsoft.Extensions.Options;

namespace PepFunctions.App.Notifications;

/// <summary>
/// Delivers the outbox's due notifications through the <see cref="INotificationSender"/>, once per call: the
/// <c>SendNotifications</c> timer function calls it on <see cref="NotificationOptions.SendSchedule"/>.
/// </summary>
/// <remarks>
/// <para>
/// It claims due notifications with their ETags (so several app instances can send side by side), skips any already
/// delivered, sends, and records the delivery before removing the notification from the outbox. It claims batch after
/// batch while they come back full, for at most one <see cref="NotificationOptions.ClaimDuration"/>; the next run
/// takes the rest.
/// </para>
/// <para>
/// A send that fails is retried by a later run after <see cref="RetryDelay"/>; after <see cref="NotificationOptions.MaxAttempts"/>
/// tries the notification is given up: it stays in the outbox marked failed, and the warning
/// "Notification gave up {NotificationId}" is logged (an alert watches for it); an administrator sees it, with its last error, on
/// <c>/kelola/notifikasi</c> and can queue it again (<see cref="FailedNotifications"/>). One bad notification never stops the others.
/// </para>
/// </remarks>
public sealed class NotificationDelivery(
    NotificationOutbox outbox, INotificationSender sender, Staff.StaffDirectory directory, IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<NotificationDelivery> logger)
{
    /// <summary>Delivers what is due now.</summary>
    /// <returns>What this run did.</returns>
    public async Task<NotificationRun> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var until = time.GetUtcNow() + settings.ClaimDuration;
        var run = new NotificationRun(0, 0, 0);
        IReadOnlyList<PendingNotificationEntity> claimed;
        do
        {
            try
            {
                claimed = await outbox.ClaimDueAsync(settings.BatchSize, settings.ClaimDuration, cancellationToken);
            }
            catch (Exception ex) when (Http.StorageOutage.IsOutage(ex, cancellationToken))
            {
                logger.LogWarning(ex, "The notification outbox could not be read; the next run tries again");
                return run;
            }

            foreach (var pending in claimed)
            {
                run = await DeliverOneAsync(pending, settings, cancellationToken) switch
                {
                    Outcome.Delivered => run with { Delivered = run.Delivered + 1 },
                    Outcome.Retrying => run with { Retrying = run.Retrying + 1 },
                    Outcome.GaveUp => run with { GaveUp = run.GaveUp + 1 },
                    _ => run,
                };
            }
        }
        while (claimed.Count == settings.BatchSize && time.GetUtcNow() < until);

        return run;
    }

    /// <summary>The wait after failed try <paramref name="attempt"/>: the first delay, doubled per try, at most the maximum.</summary>
    internal static TimeSpan RetryDelay(int attempt, NotificationOptions settings)
    {
        var ticks = settings.FirstRetryDelay.Ticks * Math.Pow(2, Math.Max(0, attempt - 1));
        return ticks >= settings.MaxRetryDelay.Ticks ? settings.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    private async Task<Outcome> DeliverOneAsync(PendingNotificationEntity pending, NotificationOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            return await DeliverAsync(pending, settings, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Its bookkeeping failed (storage); the claim runs out and a later run tries it again.
            logger.LogError(ex, "Notification {NotificationId} could not be processed; it is tried again after its claim ends", pending.Id);
            return Outcome.Retrying;
        }
    }

    private async Task<Outcome> DeliverAsync(PendingNotificationEntity pending, NotificationOptions settings, CancellationToken cancellationToken)
    {
        if (await outbox.IsDeliveredAsync(pending.Id, cancellationToken))
        {
            await outbox.DropDuplicateAsync(pending, cancellationToken);
            return Outcome.Duplicate;
        }

        var notification = pending.Notification;
        var subject = NotificationText.Subject(notification);
        var body = NotificationText.Body(notification);
        try
        {
            // The address is read at sending time, so a changed contact e-mail applies to what is still queued.
            var recipient = await directory.FindAccountAsync(pending.Recipient, cancellationToken);
            if (recipient is not { Active: true })
            {
                throw new InvalidOperationException("The recipient is not an active member of the staff directory.");
            }

            await sender.SendAsync(
                new OutgoingNotification(pending.Id, pending.Recipient, pending.Kind, pending.CaseId, pending.FollowUp, subject, body, recipient.Email,
                    recipient.Phone, recipient.ReminderChannel, pending.Attempts),
                cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var giveUp = pending.Attempts >= settings.MaxAttempts;
            var delay = RetryDelay(pending.Attempts, settings);
            if (ex is ChannelThrottledException throttled && throttled.RetryAfter > delay)
            {
                // The provider's rate limit: the next try waits as long as it asked.
                delay = throttled.RetryAfter;
            }

            await outbox.FailAsync(pending, ex.Message, delay, giveUp, cancellationToken);
            if (giveUp)
            {
                logger.LogWarning(ex, "Notification gave up {NotificationId}", pending.Id);
                return Outcome.GaveUp;
            }

            logger.LogWarning(ex, "Notification {NotificationId} failed on try {Attempt}; retrying in {RetryDelay}", pending.Id, pending.Attempts, delay);
            return Outcome.Retrying;
        }

        await outbox.CompleteAsync(pending, body, cancellationToken);
        return Outcome.Delivered;
    }

    private enum Outcome
    {
        Delivered,
        Duplicate,
        Retrying,
        GaveUp,
    }
}

/// <summary>What one delivery run did.</summary>
/// <param name="Delivered">Notifications sent and recorded.</param>
/// <param name="Retrying">Notifications that failed and wait for a later try.</param>
/// <param name="GaveUp">Notifications given up for good in this run.</param>
public sealed record NotificationRun(int Delivered, int Retrying, int GaveUp);

using Microsoft.Extensions.Options;

namespace PepFunctions.App.Notifications;

/// <summary>Delivers the outbox's notifications through the <see cref="INotificationSender"/>, retrying failures with back-off.</summary>
/// <remarks>
/// Each poll claims due notifications with their ETags (so several app instances can run this side by side),
/// skips any already delivered, sends, and records the delivery before removing the notification from the outbox.
/// It polls every <see cref="NotificationOptions.PollInterval"/>, and at once when this process queues one.
/// </remarks>
internal sealed class NotificationDelivery(
    NotificationOutbox outbox, INotificationSender sender, IOptions<NotificationOptions> options, ILogger<NotificationDelivery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await outbox.ClaimDueAsync(settings.BatchSize, settings.ClaimDuration, stoppingToken);
                foreach (var pending in claimed)
                {
                    await DeliverAsync(pending, settings, stoppingToken);
                }

                if (claimed.Count == settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TimeoutException)
            {
                logger.LogWarning(ex, "The notification outbox could not be read; trying again in {PollInterval}", settings.PollInterval);
            }

            try
            {
                await outbox.WaitForWorkAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(PendingNotificationEntity pending, NotificationOptions settings, CancellationToken cancellationToken)
    {
        if (await outbox.IsDeliveredAsync(pending.Id, cancellationToken))
        {
            await outbox.DropDuplicateAsync(pending, cancellationToken);
            return;
        }

        var notification = pending.Notification;
        var subject = NotificationText.Subject(notification);
        var body = NotificationText.Body(notification);
        try
        {
            await sender.SendAsync(
                new OutgoingNotification(pending.Id, pending.Recipient, pending.Kind, pending.CaseId, pending.FollowUp, subject, body), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var giveUp = pending.Attempts >= settings.MaxAttempts;
            var delay = RetryDelay(pending.Attempts, settings);
            logger.LogWarning(ex, "Notification {NotificationId} failed on try {Attempt}; {Next}", pending.Id, pending.Attempts, giveUp ? "giving up" : $"retrying in {delay}");
            await outbox.FailAsync(pending, ex.Message, delay, giveUp, cancellationToken);
            return;
        }

        await outbox.CompleteAsync(pending, body, cancellationToken);
    }

    /// <summary>The wait after failed try <paramref name="attempt"/>: the first delay, doubled per try, at most the maximum.</summary>
    internal static TimeSpan RetryDelay(int attempt, NotificationOptions settings)
    {
        var ticks = settings.FirstRetryDelay.Ticks * Math.Pow(2, Math.Max(0, attempt - 1));
        return ticks >= settings.MaxRetryDelay.Ticks ? settings.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}

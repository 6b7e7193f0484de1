using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PepFunctions.App.Notifications;

/// <summary>A notification on its way out.</summary>
/// <param name="Id">The notification id, stable across retries.</param>
/// <param name="Recipient">The staff member's username.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="CaseId">The case, if any.</param>
/// <param name="FollowUp">The follow-up, if any.</param>
/// <param name="Subject">A one-line subject.</param>
/// <param name="Body">The message.</param>
/// <param name="Address">The recipient's contact e-mail address from the staff directory; null when their record has none.</param>
/// <param name="Phone">The recipient's phone from the staff directory, for WhatsApp and SMS; null when none.</param>
/// <param name="Channel">The channel the recipient chose (<see cref="ReminderChannel"/>).</param>
/// <param name="Attempt">This try's number (from 1), which picks the channel after failures (<see cref="ReminderChannels.ForAttempt"/>).</param>
public sealed record OutgoingNotification(
    string Id, string Recipient, string Kind, string? CaseId, int? FollowUp, string Subject, string Body, string? Address = null,
    string? Phone = null, ReminderChannel Channel = ReminderChannel.Email, int Attempt = 1);

/// <summary>Hands a notification to its channel; throws when it could not.</summary>
public interface INotificationSender
{
    /// <summary>Sends <paramref name="notification"/>; throws when it could not (the outbox retries it later).</summary>
    Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}

/// <summary>The default channel: a log line with ids only (no names), for local runs and tests.</summary>
internal sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Notification {NotificationId} ({Kind}) for {Recipient}: case {CaseId}, follow-up {FollowUp}",
            notification.Id, notification.Kind, notification.Recipient, notification.CaseId, notification.FollowUp);
        return Task.CompletedTask;
    }
}

/// <summary>
/// E-mails notifications through <c>Notifications:Smtp</c> with MailKit (with its user name and password when set), to the
/// staff member's contact e-mail; only a record without one falls back to <c>{username}@{RecipientDomain}</c>.
/// </summary>
/// <remarks>
/// The Message-ID is derived from the notification id, so a re-send after a crash can be recognised as the same mail.
/// <see cref="SmtpOptions.EnableSsl"/> requires STARTTLS; without it the connection stays plain, as it was with
/// <c>System.Net.Mail</c>.
/// </remarks>
internal sealed class SmtpNotificationSender(IOptions<NotificationOptions> options) : INotificationSender
{
    public async Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var smtp = options.Value.Smtp;
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            MessageId = $"{notification.Id}@pep-notifications",
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = notification.Body },
        };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(notification.Address ?? $"{notification.Recipient}@{smtp.RecipientDomain}"));
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), smtp.Port, smtp.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

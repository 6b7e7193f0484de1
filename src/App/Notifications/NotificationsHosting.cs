using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Notifications;

/// <summary>Registers the notification outbox and its delivery.</summary>
internal static class NotificationsHosting
{
    /// <summary>
    /// Adds <see cref="NotificationOutbox"/>, the background <see cref="NotificationDelivery"/>, and the sender:
    /// SMTP when <c>Notifications:Smtp:Host</c> is set, otherwise the log. Options are validated on start.
    /// </summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Smtp.Host) || !string.IsNullOrWhiteSpace(o.Smtp.RecipientDomain),
                "Notifications:Smtp:RecipientDomain is required when Notifications:Smtp:Host is set.")
            .Validate(o => o.FirstRetryDelay <= o.MaxRetryDelay, "Notifications:FirstRetryDelay must not be longer than MaxRetryDelay.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<NotificationOutbox>();
        builder.Services.TryAddSingleton<INotificationSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<LogNotificationSender>(sp)
                : ActivatorUtilities.CreateInstance<SmtpNotificationSender>(sp));
        builder.Services.AddHostedService<NotificationDelivery>();
        return builder;
    }
}

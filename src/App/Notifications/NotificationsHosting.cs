using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Sweeps;

namespace PepFunctions.App.Notifications;

/// <summary>Registers the notification outbox and its delivery.</summary>
internal static class NotificationsHosting
{
    /// <summary>
    /// Adds <see cref="NotificationOptions"/> (validated on start), the <see cref="NotificationOutbox"/>, the
    /// <see cref="NotificationDelivery"/> the <c>SendNotifications</c> timer runs, <see cref="FailedNotifications"/> for the
    /// administrators, and the sender: SMTP when
    /// <c>Notifications:Smtp:Host</c> is set, otherwise the log. Idempotent: every feature that queues notifications calls it.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(static d => d.ServiceType == typeof(NotificationDelivery)))
        {
            return builder;
        }

        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => CronSchedule.IsValid(o.SendSchedule),
                $"{NotificationOptions.SendScheduleKey} must be a six-field NCRONTAB expression (with seconds), e.g. '0 */1 * * * *'.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Smtp.Host) || !string.IsNullOrWhiteSpace(o.Smtp.RecipientDomain),
                "Notifications:Smtp:RecipientDomain is required when Notifications:Smtp:Host is set.")
            .Validate(o => o.FirstRetryDelay <= o.MaxRetryDelay, "Notifications:FirstRetryDelay must not be longer than MaxRetryDelay.")
            .ValidateOnStart();
        builder.AddRecordStorageAccount();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<HubStorage>();
        builder.Services.TryAddSingleton<NotificationOutbox>();
        builder.Services.AddOptions<WhatsAppOptions>().BindConfiguration(NotificationOptions.SectionName + ":WhatsApp")
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.AccessToken) && !string.IsNullOrWhiteSpace(o.AppSecret)),
                "Notifications:WhatsApp:AccessToken and AppSecret are required when Notifications:WhatsApp:PhoneNumberId is set.")
            .ValidateOnStart();
        builder.Services.AddOptions<SmsOptions>().BindConfiguration(NotificationOptions.SectionName + ":Sms")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ApiKey), "Notifications:Sms:ApiKey is required when Notifications:Sms:Url is set.")
            .ValidateOnStart();
        builder.Services.AddOptions<ChannelOptions>().BindConfiguration(NotificationOptions.SectionName + ":Channels").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<Mentoring.FollowUpStore>();
        builder.Services.TryAddSingleton<ChannelMessages>();
        builder.Services.AddHttpClient(nameof(ChannelNotificationSender), static c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.TryAddSingleton<INotificationSender>(sp =>
        {
            INotificationSender email = string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<LogNotificationSender>(sp)
                : ActivatorUtilities.CreateInstance<SmtpNotificationSender>(sp);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ChannelNotificationSender));
            var whatsApp = sp.GetRequiredService<IOptions<WhatsAppOptions>>();
            var sms = sp.GetRequiredService<IOptions<SmsOptions>>();
            return new ChannelNotificationSender(
                email,
                whatsApp.Value.Enabled ? new WhatsAppCloudChannel(http, whatsApp) : null,
                sms.Value.Enabled ? new SmsGatewayChannel(http, sms) : null,
                sp.GetRequiredService<ChannelMessages>(),
                sp.GetRequiredService<IOptions<ChannelOptions>>());
        });
        builder.Services.TryAddSingleton<NotificationDelivery>();
        builder.Services.TryAddSingleton<FailedNotifications>();
        return builder;
    }
}

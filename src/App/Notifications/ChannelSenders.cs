using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;

namespace PepFunctions.App.Notifications;

/// <summary>
/// Hands a notification to the channel its recipient chose (<see cref="ReminderChannel"/>), falling back through
/// <see cref="ReminderChannels.ForAttempt"/> after <see cref="ChannelOptions.FailuresBeforeFallback"/> failed tries on a
/// channel: the outbox's retries (<see cref="NotificationDelivery"/>) carry it from one channel to the next.
/// </summary>
/// <remarks>
/// WhatsApp and SMS carry what is due, when and a link, in Bahasa Indonesia (<see cref="ChannelText"/>): never a name
/// or NIK, only the case id inside the link. A channel that is not configured, or a recipient without a usable phone
/// number, is skipped for the next one.
/// </remarks>
internal sealed class ChannelNotificationSender(
    INotificationSender email, WhatsAppCloudChannel? whatsApp, SmsGatewayChannel? sms, ChannelMessages messages, IOptions<ChannelOptions> options)
    : INotificationSender
{
    public async Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var phone = ReminderChannels.ToE164(notification.Phone);
        var available = new HashSet<ReminderChannel>();
        if (whatsApp is not null && phone is not null)
        {
            available.Add(ReminderChannel.WhatsApp);
        }

        if (sms is not null && phone is not null)
        {
            available.Add(ReminderChannel.Sms);
        }

        var channel = ReminderChannels.ForAttempt(notification.Channel, notification.Attempt, options.Value.FailuresBeforeFallback, available);
        switch (channel)
        {
            case ReminderChannel.WhatsApp:
                var text = await messages.ForAsync(notification, cancellationToken);
                var messageId = await whatsApp!.SendAsync(phone!, text, cancellationToken);
                await messages.RecordSentAsync(ReminderChannel.WhatsApp, messageId, notification, cancellationToken);
                break;
            case ReminderChannel.Sms:
                await sms!.SendAsync(phone!, await messages.ForAsync(notification, cancellationToken), notification.Id, cancellationToken);
                break;
            default:
                await email.SendAsync(notification, cancellationToken);
                break;
        }
    }
}

/// <summary>What a WhatsApp or SMS reminder says: what is due, when, and a link — in Bahasa Indonesia, no name or NIK.</summary>
/// <param name="What">What is due, e.g. <c>Pendampingan ke-2</c>.</param>
/// <param name="When">When, as a date in the office's zone, or <c>segera</c>.</param>
/// <param name="Link">The page to open: the case (by its opaque id) or the notifications page.</param>
public sealed record ChannelText(string What, string When, Uri Link)
{
    /// <summary>The SMS text (one segment where it fits).</summary>
    public string Sms => $"PEP: {What}, jatuh tempo {When}. {Link}";
}

/// <summary>
/// An HTTP channel's answer checked the same way for every provider: 429 throws <see cref="ChannelThrottledException"/>
/// with the provider's <c>Retry-After</c>, any other failure throws with the status (never the body, which may echo the number).
/// </summary>
internal static class ProviderAnswers
{
    public static void ThrowIfFailed(string channel, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retry = response.Headers.RetryAfter;
            var wait = retry?.Delta ?? (retry?.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null) ?? TimeSpan.FromMinutes(1);
            throw new ChannelThrottledException(channel, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{channel} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}

/// <summary>
/// WhatsApp through the Cloud API: <c>POST {BaseUrl}/{ApiVersion}/{PhoneNumberId}/messages</c> with the access token as a
/// bearer token and a template message (<c>messaging_product: whatsapp</c>, <c>type: template</c>, the approved template's
/// name and language, three body parameters). Business-initiated messages outside a conversation must be templates.
/// </summary>
internal sealed class WhatsAppCloudChannel(HttpClient http, IOptions<WhatsAppOptions> options)
{
    /// <summary>Sends the reminder to <paramref name="phone"/> (E.164); returns the message id (<c>wamid…</c>) the status webhook names.</summary>
    public async Task<string> SendAsync(string phone, ChannelText text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, $"{settings.ApiVersion}/{settings.PhoneNumberId}/messages"))
        {
            Content = JsonContent.Create(new
            {
                messaging_product = "whatsapp",
                recipient_type = "individual",
                // The Cloud API takes the number with its country code and without the '+'.
                to = phone.TrimStart('+'),
                type = "template",
                template = new
                {
                    name = settings.TemplateName,
                    language = new { code = settings.TemplateLanguage },
                    components = new[]
                    {
                        new { type = "body", parameters = new[] { Text(text.What), Text(text.When), Text(text.Link.ToString()) } },
                    },
                },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        ProviderAnswers.ThrowIfFailed("WhatsApp", response);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return answer.GetProperty("messages")[0].GetProperty("id").GetString()
            ?? throw new InvalidOperationException("The WhatsApp Cloud API answered without a message id.");
    }

    private static object Text(string value) => new { type = "text", text = value };
}

/// <summary>SMS through the configured HTTP gateway (<see cref="SmsOptions"/>).</summary>
internal sealed class SmsGatewayChannel(HttpClient http, IOptions<SmsOptions> options)
{
    public async Task SendAsync(string phone, ChannelText text, string reference, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new { to = phone, text = text.Sms, reference }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        ProviderAnswers.ThrowIfFailed("SMS gateway", response);
    }
}

/// <summary>
/// The words of a WhatsApp or SMS reminder (<see cref="ForAsync"/>), and the WhatsApp messages sent with their delivery
/// status (table <c>NotificationChannelMessages</c>: PartitionKey the channel, RowKey the provider's message id;
/// NotificationId, Recipient (a staff username), CaseId, Status, StatusAt), which the status webhook updates.
/// </summary>
public sealed class ChannelMessages(Files.HubStorage storage, FollowUpStore followUps, IOptions<ChannelOptions> options)
{
    /// <summary>The table's name after the hub prefix.</summary>
    public const string TableName = "NotificationChannelMessages";

    /// <summary>What the reminder says: the follow-up's due date is read from the follow-up (by case and number).</summary>
    public async Task<ChannelText> ForAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var what = notification.Kind switch
        {
            nameof(Cases.NotificationKind.FollowUpReminder) => $"Pendampingan ke-{notification.FollowUp}",
            nameof(Cases.NotificationKind.FollowUpOverdue) => $"Pendampingan ke-{notification.FollowUp} terlambat (diteruskan kepada Anda sebagai atasan)",
            nameof(Cases.NotificationKind.AssessmentOverdue) => "Asesmen potensi dan minat terlambat",
            _ => "Pemberitahuan PEP",
        };
        var when = "segera";
        if (notification is { CaseId: { } caseId, FollowUp: { } sequence }
            && await followUps.FindAsync(caseId, sequence, cancellationToken) is { } followUp)
        {
            when = Offices.LocalDate(followUp.OfficeCode, followUp.DueAt).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
        }

        var link = new Uri(options.Value.LinkBase, notification.CaseId is { } id ? $"kasus/{id}" : "notifikasi");
        return new ChannelText(what, when, link);
    }

    /// <summary>Records a message the provider accepted, so its status can be matched to the notification.</summary>
    public async Task RecordSentAsync(ReminderChannel channel, string messageId, OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await storage.TableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(channel.ToString(), messageId)
        {
            ["NotificationId"] = notification.Id,
            ["Recipient"] = notification.Recipient,
            ["CaseId"] = notification.CaseId,
            ["Status"] = "accepted",
            ["StatusAt"] = DateTimeOffset.UtcNow,
        }, Azure.Data.Tables.TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Records a provider's status (sent, delivered, read, failed) of a message this app sent; false for a message it does not know.</summary>
    public async Task<bool> RecordStatusAsync(ReminderChannel channel, string messageId, string status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(channel.ToString(), messageId, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        var row = found.Value!;
        row["Status"] = status;
        row["StatusAt"] = at;
        await table.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>The recorded status of a message, or null.</summary>
    public async Task<string?> StatusAsync(ReminderChannel channel, string messageId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(channel.ToString(), messageId, ["Status"], cancellationToken);
        return found.HasValue ? found.Value!.GetString("Status") : null;
    }
}

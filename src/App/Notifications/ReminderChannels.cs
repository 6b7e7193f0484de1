using System.ComponentModel.DataAnnotations;

namespace PepFunctions.App.Notifications;

/// <summary>How a staff member's reminders reach them; chosen in their staff directory record.</summary>
public enum ReminderChannel
{
    /// <summary>E-mail to their contact address (the default, and the last fallback: every record has one).</summary>
    Email,

    /// <summary>WhatsApp, through the WhatsApp Business Platform's Cloud API with an approved template, to their phone.</summary>
    WhatsApp,

    /// <summary>SMS through the configured HTTP gateway, to their phone.</summary>
    Sms,
}

/// <summary>The order reminders fall back through, and how a phone number is written for the providers.</summary>
public static class ReminderChannels
{
    /// <summary>
    /// The channels to try, in order: the chosen one, then WhatsApp, SMS and e-mail (e-mail last: every record has an
    /// address). The try number picks one: <paramref name="failuresPerChannel"/> tries on each before the next.
    /// </summary>
    public static ReminderChannel ForAttempt(ReminderChannel chosen, int attempt, int failuresPerChannel, IReadOnlySet<ReminderChannel> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        List<ReminderChannel> order = [.. new[] { chosen, ReminderChannel.WhatsApp, ReminderChannel.Sms, ReminderChannel.Email }
            .Distinct().Where(c => c == ReminderChannel.Email || available.Contains(c))];
        var index = Math.Max(0, attempt - 1) / Math.Max(1, failuresPerChannel);
        return order[Math.Min(index, order.Count - 1)];
    }

    /// <summary>
    /// The number in E.164 form (<c>+</c>, country code, 8 to 15 digits in all), or null when it is not a number: spaces
    /// and dashes go, and an Indonesian national number (<c>08…</c>) gets the country code 62 (<c>+628…</c>).
    /// </summary>
    public static string? ToE164(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var compact = new string([.. phone.Where(c => c is not (' ' or '-'))]);
        if (compact.StartsWith('0'))
        {
            compact = "+62" + compact[1..];
        }

        return compact.Length is >= 9 and <= 16 && compact[0] == '+' && compact[1] != '0' && compact[1..].All(char.IsAsciiDigit) ? compact : null;
    }
}

/// <summary>The WhatsApp Business Platform's Cloud API (section <c>Notifications:WhatsApp</c>); off while <see cref="PhoneNumberId"/> is empty.</summary>
public sealed class WhatsAppOptions
{
    /// <summary>The Graph API's address; a test points it at a local fake.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com/");

    /// <summary>The Graph API version in the path.</summary>
    public string ApiVersion { get; set; } = "v21.0";

    /// <summary>The business phone number's id that sends the messages.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The system user's access token (a Key Vault reference in Azure).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The app secret the status webhook's <c>X-Hub-Signature-256</c> is checked with (a Key Vault reference in Azure).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token Meta sends back when the webhook is subscribed (<c>hub.verify_token</c>).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The approved template's name; its body has three parameters: what is due, when, and the link.</summary>
    public string TemplateName { get; set; } = "pep_pengingat";

    /// <summary>The template's language code.</summary>
    public string TemplateLanguage { get; set; } = "id";

    /// <summary>Whether the channel is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(PhoneNumberId);
}

/// <summary>An SMS gateway reached over HTTP (section <c>Notifications:Sms</c>); off while <see cref="Url"/> is empty.</summary>
/// <remarks>
/// The gateway takes <c>POST {Url}</c> with <c>Authorization: Bearer {ApiKey}</c> and the JSON body
/// <c>{"to": "+62…", "text": "…", "reference": "{notification id}"}</c>, answers 2xx when it accepted the message, 429 with
/// <c>Retry-After</c> when sending too fast, 5xx when it could not.
/// </remarks>
public sealed class SmsOptions
{
    /// <summary>The gateway's send address.</summary>
    public Uri? Url { get; set; }

    /// <summary>The gateway's API key (a Key Vault reference in Azure).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether the channel is configured.</summary>
    public bool Enabled => Url is not null;
}

/// <summary>The channels' shared settings (section <c>Notifications:Channels</c>).</summary>
public sealed class ChannelOptions
{
    /// <summary>Failed tries on a channel before the next one is used.</summary>
    [Range(1, 50)]
    public int FailuresBeforeFallback { get; set; } = 3;

    /// <summary>The address the messages' links start with (the app's public address), e.g. <c>https://pep.example.go.id</c>.</summary>
    public Uri LinkBase { get; set; } = new("http://localhost:7071/");
}

/// <summary>A provider said to slow down (HTTP 429): the next try waits at least <see cref="RetryAfter"/>.</summary>
public sealed class ChannelThrottledException(string channel, TimeSpan retryAfter)
    : Exception($"{channel} answered 429 Too Many Requests; retry after {retryAfter.TotalSeconds:0} s.")
{
    /// <summary>How long the provider asked to wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}

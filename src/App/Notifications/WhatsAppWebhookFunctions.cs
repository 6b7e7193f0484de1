using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Notifications;

/// <summary>
/// The WhatsApp Cloud API's webhook (<c>/api/webhooks/whatsapp</c>): anonymous (Meta calls it), so every POST must carry
/// <c>X-Hub-Signature-256: sha256={hex HMAC-SHA256 of the raw body with the app secret}</c>, checked in constant time;
/// anything else is refused with 401 and changes nothing. The message statuses it carries (sent, delivered, read,
/// failed) are recorded against the messages this app sent (<see cref="ChannelMessages"/>). A GET answers Meta's
/// subscription check (<c>hub.mode=subscribe</c>, <c>hub.verify_token</c>, <c>hub.challenge</c>).
/// </summary>
public sealed class WhatsAppWebhookFunctions(ChannelMessages messages, IOptions<WhatsAppOptions> options, ILogger<WhatsAppWebhookFunctions> logger)
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>The largest body read (a status batch is a few kilobytes).</summary>
    private const int MaxBodyBytes = 256 * 1024;

    /// <summary>Meta's subscription check: echoes <c>hub.challenge</c> when the verify token matches.</summary>
    [Function("WhatsAppWebhookVerify")]
    public IActionResult Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/webhooks/whatsapp")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = options.Value.VerifyToken;
        return request.Query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Query["hub.verify_token"].ToString()), Encoding.UTF8.GetBytes(expected))
            ? new ContentResult { Content = request.Query["hub.challenge"].ToString(), ContentType = "text/plain", StatusCode = 200 }
            : new StatusCodeResult(StatusCodes.Status403Forbidden);
    }

    /// <summary>Records the statuses of a signed status notification; 401 for a missing or wrong signature.</summary>
    [Function("WhatsAppWebhook")]
    public async Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/whatsapp")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Hosting.SecurityHeaders.ForApi(request.HttpContext);
        if (request.ContentLength > MaxBodyBytes)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        if (!IsSigned(body, request.Headers[SignatureHeader].ToString(), options.Value.AppSecret))
        {
            logger.LogWarning("WhatsApp webhook refused: missing or wrong {Header}", SignatureHeader);
            return new StatusCodeResult(StatusCodes.Status401Unauthorized);
        }

        var recorded = 0;
        foreach (var (id, status, at) in Statuses(body))
        {
            if (await messages.RecordStatusAsync(ReminderChannel.WhatsApp, id, status, at, request.HttpContext.RequestAborted))
            {
                recorded++;
            }
        }

        logger.LogInformation("WhatsApp webhook recorded {Count} statuses", recorded);
        return new OkResult();
    }

    /// <summary>Whether <paramref name="signature"/> is <c>sha256=</c> and the hex HMAC-SHA256 of <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool IsSigned(byte[] body, string? signature, string? secret)
    {
        const string prefix = "sha256=";
        if (string.IsNullOrEmpty(secret) || signature is null || !signature.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static IEnumerable<(string Id, string Status, DateTimeOffset At)> Statuses(byte[] body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }

        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var change in entries.EnumerateArray().SelectMany(e => e.TryGetProperty("changes", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray() : Enumerable.Empty<JsonElement>()))
        {
            if (!change.TryGetProperty("value", out var value) || !value.TryGetProperty("statuses", out var statuses) || statuses.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var status in statuses.EnumerateArray())
            {
                if (status.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 and <= 200 } messageId
                    && status.TryGetProperty("status", out var state) && state.GetString() is { Length: > 0 and <= 20 } name)
                {
                    var at = status.TryGetProperty("timestamp", out var ts) && long.TryParse(ts.GetString(), out var seconds)
                        ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                        : DateTimeOffset.UtcNow;
                    yield return (messageId, name, at);
                }
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Domain;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>
/// Reminders on the channel each staff member chose, through the outbox's delivery, against local fakes of the WhatsApp
/// Cloud API and of an SMS gateway that check the documented request (bearer token, template message, E.164 number
/// without '+') and answer as scripted (429 with Retry-After, 5xx); and the signed status webhook.
/// </summary>
public sealed class ReminderChannelTests : IAsyncLifetime
{
    private const string Token = "fake-whatsapp-token";
    private const string AppSecret = "fake-app-secret";
    private const string SmsKey = "fake-sms-key";
    private const string PhoneNumberId = "1234567890";

    private readonly string _hub = TestNames.Hub("channels");
    private string _connectionString = "";
    private HubStorage _storage = null!;
    private ProviderFake _whatsApp = null!;
    private ProviderFake _sms = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;
        _storage = new HubStorage(
            new TableServiceClient(_connectionString), new BlobServiceClient(_connectionString), Options.Create(new StorageOptions { TaskHubName = _hub }));
        _whatsApp = await ProviderFake.StartAsync($"/v21.0/{PhoneNumberId}/messages", WhatsAppContract,
            n => new { messaging_product = "whatsapp", contacts = new[] { new { input = "6281234567890", wa_id = "6281234567890" } }, messages = new[] { new { id = $"wamid.TEST{n}" } } });
        _sms = await ProviderFake.StartAsync("/send", SmsContract, n => new { id = $"sms-{n}", status = "queued" });
    }

    public async Task DisposeAsync()
    {
        await _whatsApp.DisposeAsync();
        await _sms.DisposeAsync();
        await Support.TaskHubStorage.DeleteAsync(_connectionString, _hub);
    }

    [Fact]
    public async Task DeliverDueAsync_WhatsAppChosen_ReachesWhatsAppOnceInIndonesianWithoutTheName()
    {
        await DeliverAsync(ReminderChannel.WhatsApp, failuresBeforeFallback: 3);

        var message = Assert.Single(_whatsApp.Accepted);
        Assert.Empty(_sms.Accepted);
        Assert.Equal("6281234567890", message.GetProperty("to").GetString());
        Assert.Equal("pep_pengingat", message.GetProperty("template").GetProperty("name").GetString());
        var parameters = message.GetProperty("template").GetProperty("components")[0].GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("text").GetString()!).ToList();
        Assert.Equal(["Pendampingan ke-1", "segera", "https://pep.example.go.id/kasus/case-channels-1"], parameters);
        Assert.DoesNotContain("Rosa", message.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("accepted", await Messages().StatusAsync(ReminderChannel.WhatsApp, "wamid.TEST1", CancellationToken.None));
    }

    [Fact]
    public async Task DeliverDueAsync_WhatsAppAnswers429_NextTryWaitsTheRetryAfter()
    {
        _whatsApp.ThenTooManyRequests(120);
        var before = DateTimeOffset.UtcNow;

        var (delivery, outbox) = await QueueAsync(ReminderChannel.WhatsApp, failuresBeforeFallback: 3);
        var run = await delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(1, run.Retrying);
        var pending = Assert.Single(await PendingAsync());
        Assert.True(pending.NextAttemptAt >= before.AddSeconds(120), $"The next try is at {pending.NextAttemptAt:O}, before the 120 s the provider asked for.");
        Assert.Contains("429", pending.LastError, StringComparison.Ordinal);
        Assert.Empty(_whatsApp.Accepted);
        Assert.NotNull(outbox);
    }

    [Fact]
    public async Task DeliverDueAsync_WhatsAppKeepsFailing_FallsBackToSmsAfterTheConfiguredFailures()
    {
        _whatsApp.ThenFail(500, count: 2);

        await DeliverAsync(ReminderChannel.WhatsApp, failuresBeforeFallback: 2);

        Assert.Equal([500, 500], _whatsApp.Answers);
        Assert.Empty(_whatsApp.Accepted);
        var sms = Assert.Single(_sms.Accepted);
        Assert.Equal("+6281234567890", sms.GetProperty("to").GetString());
        Assert.Equal("PEP: Pendampingan ke-1, jatuh tempo segera. https://pep.example.go.id/kasus/case-channels-1", sms.GetProperty("text").GetString());
    }

    [Fact]
    public async Task DeliverDueAsync_SmsChosen_ReachesTheGatewayOnce()
    {
        await DeliverAsync(ReminderChannel.Sms, failuresBeforeFallback: 3);

        Assert.Single(_sms.Accepted);
        Assert.Empty(_whatsApp.Accepted);
    }

    [Fact]
    public async Task ReceiveAsync_SignedStatus_RecordsDelivered()
    {
        await DeliverAsync(ReminderChannel.WhatsApp, failuresBeforeFallback: 3);
        var body = StatusBody("wamid.TEST1", "delivered");

        var result = await Webhook().ReceiveAsync(Request(body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body))));

        Assert.Equal(200, Assert.IsType<OkResult>(result).StatusCode);
        Assert.Equal("delivered", await Messages().StatusAsync(ReminderChannel.WhatsApp, "wamid.TEST1", CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=00")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha1=abc")]
    public async Task ReceiveAsync_ForgedOrMissingSignature_IsRefusedAndRecordsNothing(string? signature)
    {
        await DeliverAsync(ReminderChannel.WhatsApp, failuresBeforeFallback: 3);
        var body = StatusBody("wamid.TEST1", "read");
        var forged = signature ?? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("another-secret"), body));

        var result = await Webhook().ReceiveAsync(Request(body, forged));

        Assert.Equal(401, Assert.IsType<StatusCodeResult>(result).StatusCode);
        Assert.Equal("accepted", await Messages().StatusAsync(ReminderChannel.WhatsApp, "wamid.TEST1", CancellationToken.None));
    }

    [Theory]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("12345", null)]
    [InlineData("+0812345678", null)]
    public void ToE164_Numbers_AreWrittenWithTheCountryCode(string phone, string? expected) =>
        Assert.Equal(expected, ReminderChannels.ToE164(phone));

    /// <summary>The Cloud API's documented message request: bearer token, a template message to a number without '+'.</summary>
    private static string? WhatsAppContract(HttpRequest request, JsonElement body)
    {
        if (request.Headers.Authorization != $"Bearer {Token}")
        {
            return "Invalid OAuth access token.";
        }

        if (body.GetProperty("messaging_product").GetString() != "whatsapp" || body.GetProperty("type").GetString() != "template")
        {
            return "messaging_product must be whatsapp; a business-initiated message is a template.";
        }

        var to = body.GetProperty("to").GetString() ?? "";
        if (to.Length is < 8 or > 15 || !to.All(char.IsAsciiDigit))
        {
            return "The recipient's phone number has the country code and digits only.";
        }

        var template = body.GetProperty("template");
        return template.GetProperty("name").GetString() is { Length: > 0 } && template.GetProperty("language").GetProperty("code").GetString() is { Length: > 0 }
            ? null
            : "The template needs a name and a language code.";
    }

    private static string? SmsContract(HttpRequest request, JsonElement body) =>
        request.Headers.Authorization != $"Bearer {SmsKey}" ? "Unauthorized."
        : body.GetProperty("to").GetString() is not { Length: > 8 } to || to[0] != '+' || !to[1..].All(char.IsAsciiDigit) ? "The number is E.164."
        : body.GetProperty("text").GetString() is not { Length: > 0 and <= 160 } ? "The text is 1 to 160 characters."
        : null;

    /// <summary>Queues one reminder for a staff member who chose <paramref name="channel"/>, and delivers until the outbox is empty.</summary>
    private async Task DeliverAsync(ReminderChannel channel, int failuresBeforeFallback)
    {
        var (delivery, _) = await QueueAsync(channel, failuresBeforeFallback);
        var deadline = DateTime.UtcNow + Support.TestApp.WaitLimit;
        while ((await PendingAsync()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder is still in the outbox.");
            await delivery.DeliverDueAsync(CancellationToken.None);
            await Task.Delay(20);
        }
    }

    private async Task<(NotificationDelivery Delivery, NotificationOutbox Outbox)> QueueAsync(ReminderChannel channel, int failuresBeforeFallback)
    {
        var store = new StaffStore(_storage);
        var record = new StaffAccount("rosa@pokmas.example", "Rosa", StaffRole.PokmasMentor, Offices.BapasKupang, null, "rosa.mentor@pokmas.example", "0812-3456-7890", true)
        {
            ReminderChannel = channel,
            ChangedBy = StaffDirectory.System,
            ChangedAt = DateTimeOffset.UtcNow,
        };
        await store.SaveAsync([(null, default, record)], CancellationToken.None);
        var outbox = new NotificationOutbox(_storage, TimeProvider.System);
        await outbox.EnqueueAsync(new Notification("rosa@pokmas.example", "FollowUpReminder", "case-channels-1", 1), "key-1", CancellationToken.None);
        var http = new HttpClient();
        var whatsApp = Options.Create(new WhatsAppOptions { BaseUrl = _whatsApp.BaseUrl, PhoneNumberId = PhoneNumberId, AccessToken = Token, AppSecret = AppSecret });
        var sms = Options.Create(new SmsOptions { Url = new Uri(_sms.BaseUrl, "send"), ApiKey = SmsKey });
        var sender = new ChannelNotificationSender(
            new NoEmail(), new WhatsAppCloudChannel(http, whatsApp), new SmsGatewayChannel(http, sms), Messages(),
            Options.Create(new ChannelOptions { FailuresBeforeFallback = failuresBeforeFallback, LinkBase = new Uri("https://pep.example.go.id/") }));
        var delivery = new NotificationDelivery(outbox, sender, new StaffDirectory(store, Options.Create(new StaffOptions()), TimeProvider.System),
            Options.Create(new NotificationOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(10) }),
            TimeProvider.System, NullLogger<NotificationDelivery>.Instance);
        return (delivery, outbox);
    }

    private ChannelMessages Messages() =>
        new(_storage, new FollowUpStore(_storage), Options.Create(new ChannelOptions { LinkBase = new Uri("https://pep.example.go.id/") }));

    private WhatsAppWebhookFunctions Webhook() =>
        new(Messages(), Options.Create(new WhatsAppOptions { AppSecret = AppSecret }), NullLogger<WhatsAppWebhookFunctions>.Instance);

    private async Task<List<PendingNotificationEntity>> PendingAsync()
    {
        var table = await _storage.TableAsync(NotificationTables.Outbox, CancellationToken.None);
        var rows = new List<PendingNotificationEntity>();
        await foreach (var row in table.QueryAsync<PendingNotificationEntity>(r => r.PartitionKey == NotificationTables.PendingPartition))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static byte[] StatusBody(string messageId, string status) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "WABA-ID",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            statuses = new[] { new { id = messageId, status, timestamp = "1765155600", recipient_id = "6281234567890" } },
                        },
                    },
                },
            },
        },
    });

    private static HttpRequest Request(byte[] body, string signature)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(body);
        http.Request.ContentLength = body.Length;
        http.Request.Headers[WhatsAppWebhookFunctions.SignatureHeader] = signature;
        return http.Request;
    }

    /// <summary>E-mail is the last fallback; these tests never reach it.</summary>
    private sealed class NoEmail : INotificationSender
    {
        public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("E-mail was not expected in this test.");
    }
}

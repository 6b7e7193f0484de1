using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using PepFunctions.App.Notifications;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>The e-mail channel (MailKit) against a tiny local SMTP server that speaks RFC 5321's basic dialogue.</summary>
public sealed class SmtpSenderTests
{
    [Fact]
    public async Task SendAsync_Notification_ReachesTheServerWithItsRecipientMessageIdAndText()
    {
        using var server = new SmtpFake();
        var sender = new SmtpNotificationSender(Options.Create(new NotificationOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = "pep@bapas.example", RecipientDomain = "bapas.example" },
        }));

        await sender.SendAsync(
            new OutgoingNotification("n-0123", "rosa", "FollowUpReminder", "case-1", 2, "Follow-up 2 due soon: case-1", "Follow-up 2 of case case-1 is due soon.", "rosa.mentor@pokmas.example"),
            CancellationToken.None);
        var mail = await server.ReceivedAsync;

        Assert.Contains("MAIL FROM:<pep@bapas.example>", mail.Commands);
        Assert.Contains("RCPT TO:<rosa.mentor@pokmas.example>", mail.Commands);
        Assert.Contains("Message-Id: <n-0123@pep-notifications>", mail.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: Follow-up 2 due soon: case-1", mail.Data, StringComparison.Ordinal);
        Assert.Contains("Follow-up 2 of case case-1 is due soon.", mail.Data, StringComparison.Ordinal);
    }

    /// <summary>One mail transaction: greeting 220, EHLO 250, MAIL/RCPT 250, DATA 354 until the lone '.', QUIT 221.</summary>
    private sealed class SmtpFake : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public SmtpFake()
        {
            _listener.Start();
            ReceivedAsync = ServeOneAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<(List<string> Commands, string Data)> ReceivedAsync { get; }

        public void Dispose() => _listener.Stop();

        private async Task<(List<string>, string)> ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var commands = new List<string>();
            var data = new StringBuilder();
            await writer.WriteLineAsync("220 fake.smtp ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                commands.Add(line);
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.smtp");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.AppendLine(body);
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return (commands, data.ToString());
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }

            return (commands, data.ToString());
        }
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>The outbox and its delivery against Azurite, with a sender the test controls.</summary>
public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private readonly string _hub = TestNames.Hub("notify");
    private string _connectionString = "";
    private HubStorage _storage = null!;
    private NotificationOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;
        _storage = new HubStorage(
            new TableServiceClient(_connectionString), new BlobServiceClient(_connectionString),
            Options.Create(new StorageOptions { TaskHubName = _hub }));
        _outbox = new NotificationOutbox(_storage, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        var tables = new TableServiceClient(_connectionString);
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {_hub} and TableName lt {_hub + "~"}")))
        {
            await tables.DeleteTableAsync(table.Name);
        }
    }

    [Fact]
    public async Task EnqueueAsync_SameKeyTwice_QueuesOnce()
    {
        var notification = new Notification("pk.kupang", "FollowUpOverdue", "case-bapas-kupang-1", 2);

        var first = await _outbox.EnqueueAsync(notification, "run-1", CancellationToken.None);
        var second = await _outbox.EnqueueAsync(notification, "run-1", CancellationToken.None);
        var other = await _outbox.EnqueueAsync(notification with { Recipient = "kanwil.ntt" }, "run-1", CancellationToken.None);

        Assert.Equal((true, false, true), (first, second, other));
        Assert.Equal(2, (await RowsAsync(NotificationTables.Outbox)).Count);
    }

    [Fact]
    public async Task Delivery_SenderFailsTwice_RetriesAndDeliversOnce()
    {
        var sender = new FlakySender(failures: 2);
        await _outbox.EnqueueAsync(new Notification("mentor.kupang", "FollowUpReminder", "case-bapas-kupang-1", 1), "run-1", CancellationToken.None);

        await RunDeliveryUntilAsync(sender, new NotificationOptions(), async () => (await RowsAsync(NotificationTables.Outbox)).Count == 0);

        Assert.Equal(3, sender.Calls);
        var sent = Assert.Single(await _outbox.ListSentAsync("mentor.kupang", 10, CancellationToken.None));
        Assert.Equal(("FollowUpReminder", "case-bapas-kupang-1", 1), (sent.Kind, sent.CaseId, sent.FollowUp));
        Assert.Contains("Follow-up 1 of case case-bapas-kupang-1", sent.Text, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(NotificationTables.Outbox));
        Assert.False(await _outbox.EnqueueAsync(new Notification("mentor.kupang", "FollowUpReminder", "case-bapas-kupang-1", 1), "run-1", CancellationToken.None));
    }

    [Fact]
    public async Task Delivery_SenderKeepsFailing_GivesUpAndKeepsTheError()
    {
        var sender = new FlakySender(failures: int.MaxValue);
        await _outbox.EnqueueAsync(new Notification("pk.kupang", "FollowUpOverdue", "case-bapas-kupang-1", 1), "run-1", CancellationToken.None);

        await RunDeliveryUntilAsync(sender, new NotificationOptions { MaxAttempts = 2 }, async () =>
            (await RowsAsync(NotificationTables.Outbox)).Any(row => row.GetBoolean("Failed") == true));

        var failed = Assert.Single(await RowsAsync(NotificationTables.Outbox));
        Assert.Equal((2, 2, "SMTP server unreachable"), (sender.Calls, failed.GetInt32("Attempts"), failed.GetString("LastError")));
        // Out of the partition the sender reads: given-up rows never slow its query down.
        Assert.Equal(NotificationTables.FailedPartition, failed.PartitionKey);
        Assert.Empty(await _outbox.ListSentAsync("pk.kupang", 10, CancellationToken.None));
    }

    [Fact]
    public async Task RequeueAsync_GivenUpNotification_IsDeliveredOnTheNextRunWithAFreshCountOfTries()
    {
        var sender = new FlakySender(failures: 2);
        var settings = new NotificationOptions { MaxAttempts = 2 };
        await _outbox.EnqueueAsync(new Notification("pk.kupang", "FollowUpOverdue", "case-bapas-kupang-1", 1), "run-1", CancellationToken.None);
        await RunDeliveryUntilAsync(sender, settings, async () => (await _outbox.ListFailedAsync(10, CancellationToken.None)).Count == 1);
        var failed = Assert.Single(await _outbox.ListFailedAsync(10, CancellationToken.None));
        Assert.Equal(("pk.kupang", 2, "SMTP server unreachable"), (failed.Recipient, failed.Attempts, failed.LastError));

        var outcome = await _outbox.RequeueAsync(failed.Id, "admin", CancellationToken.None);

        Assert.Equal(RequeueOutcome.Requeued, outcome);
        var requeued = Assert.Single(await RowsAsync(NotificationTables.Outbox));
        Assert.Equal((false, 0, "admin"), (requeued.GetBoolean("Failed"), requeued.GetInt32("Attempts"), requeued.GetString("RequeuedBy")));
        Assert.Empty(await _outbox.ListFailedAsync(10, CancellationToken.None));
        await RunDeliveryUntilAsync(sender, settings, async () => (await RowsAsync(NotificationTables.Outbox)).Count == 0);
        Assert.Equal(3, sender.Calls);
        var sent = Assert.Single(await _outbox.ListSentAsync("pk.kupang", 10, CancellationToken.None));
        Assert.Equal(failed.Id, sent.NotificationId);
    }

    [Fact]
    public async Task RequeueAsync_AgainAfterRequeueOrDelivery_ChangesNothing()
    {
        var sender = new FlakySender(failures: 1);
        var settings = new NotificationOptions { MaxAttempts = 1 };
        await _outbox.EnqueueAsync(new Notification("pk.kupang", "FollowUpOverdue", "case-bapas-kupang-1", 1), "run-1", CancellationToken.None);
        await RunDeliveryUntilAsync(sender, settings, async () => (await _outbox.ListFailedAsync(10, CancellationToken.None)).Count == 1);
        var id = NotificationOutbox.IdFor("run-1", "pk.kupang");
        await _outbox.RequeueAsync(id, "admin", CancellationToken.None);
        var afterFirst = Assert.Single(await RowsAsync(NotificationTables.Outbox));

        var second = await _outbox.RequeueAsync(id, "admin.other", CancellationToken.None);

        Assert.Equal(RequeueOutcome.Queued, second);
        var afterSecond = Assert.Single(await RowsAsync(NotificationTables.Outbox));
        Assert.Equal(afterFirst.ETag, afterSecond.ETag);
        await RunDeliveryUntilAsync(sender, settings, async () => (await RowsAsync(NotificationTables.Outbox)).Count == 0);
        Assert.Equal(RequeueOutcome.Delivered, await _outbox.RequeueAsync(id, "admin", CancellationToken.None));
        Assert.Empty(await RowsAsync(NotificationTables.Outbox));
        Assert.Single(await _outbox.ListSentAsync("pk.kupang", 10, CancellationToken.None));
        Assert.Equal(2, sender.Calls);
    }

    [Fact]
    public async Task RequeueAsync_DeliveredWhileTheSenderStillHoldsIt_IsDelivered()
    {
        // The sender writes the delivered marker before it removes the outbox row: a retry in between must not say "queued".
        await _outbox.EnqueueAsync(new Notification("pk.kupang", "FollowUpOverdue", "case-bapas-kupang-1", 1), "run-1", CancellationToken.None);
        var id = NotificationOutbox.IdFor("run-1", "pk.kupang");
        var delivered = await _storage.TableAsync(NotificationTables.Delivered, CancellationToken.None);
        await delivered.AddEntityAsync(new DeliveredMarkerEntity { PartitionKey = id, RowKey = id, Recipient = "pk.kupang", DeliveredAt = DateTimeOffset.UtcNow });

        Assert.Equal(RequeueOutcome.Delivered, await _outbox.RequeueAsync(id, "admin", CancellationToken.None));
        var row = Assert.Single(await RowsAsync(NotificationTables.Outbox));
        Assert.Equal((false, 0, null), (row.GetBoolean("Failed"), row.GetInt32("Attempts"), row.GetString("RequeuedBy")));
    }

    [Fact]
    public async Task RequeueAsync_GivenUpBeforeFailedRowsMoved_IsListedAndRequeuedWhereItIs()
    {
        var id = NotificationOutbox.IdFor("old-1", "pk.kupang");
        var outbox = await _storage.TableAsync(NotificationTables.Outbox, CancellationToken.None);
        await outbox.AddEntityAsync(new PendingNotificationEntity
        {
            RowKey = id, Recipient = "pk.kupang", Kind = "FollowUpOverdue", CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            Attempts = 3, Failed = true,
        });

        Assert.Equal(id, Assert.Single(await _outbox.ListFailedAsync(10, CancellationToken.None)).Id);
        Assert.Equal(RequeueOutcome.Requeued, await _outbox.RequeueAsync(id, "admin", CancellationToken.None));

        var row = Assert.Single(await RowsAsync(NotificationTables.Outbox));
        Assert.Equal((NotificationTables.PendingPartition, false, 0), (row.PartitionKey, row.GetBoolean("Failed"), row.GetInt32("Attempts")));
    }

    [Fact]
    public async Task RequeueAsync_UnknownId_IsUnknown()
    {
        Assert.Equal(RequeueOutcome.Unknown, await _outbox.RequeueAsync(NotificationOutbox.IdFor("never", "pk.kupang"), "admin", CancellationToken.None));
        Assert.Empty(await RowsAsync(NotificationTables.Outbox));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(20, 1000)]
    public void RetryDelay_Attempt_DoublesUpToTheMaximum(int attempt, int expectedMilliseconds)
    {
        var settings = new NotificationOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), NotificationDelivery.RetryDelay(attempt, settings));
    }

    /// <summary>Runs delivery as the <c>SendNotifications</c> timer does, a run every 50 ms, until <paramref name="done"/>.</summary>
    private async Task RunDeliveryUntilAsync(INotificationSender sender, NotificationOptions settings, Func<Task<bool>> done)
    {
        settings.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        var delivery = new NotificationDelivery(_outbox, sender,
            new StaffDirectory(new StaffStore(_storage), Options.Create(new StaffOptions { DemoAccounts = true }), TimeProvider.System), Options.Create(settings), TimeProvider.System, NullLogger<NotificationDelivery>.Instance);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            await delivery.DeliverDueAsync(CancellationToken.None);
            if (await done())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "Delivery did not get there within 20 s.");
            await Task.Delay(50);
        }
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in (await _storage.TableAsync(table, CancellationToken.None)).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    private sealed class FlakySender(int failures) : INotificationSender
    {
        public int Calls { get; private set; }

        public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls <= failures ? Task.FromException(new InvalidOperationException("SMTP server unreachable")) : Task.CompletedTask;
        }
    }
}

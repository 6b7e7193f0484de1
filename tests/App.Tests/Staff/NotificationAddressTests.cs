using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Domain;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Staff;

/// <summary>Notifications go to the contact e-mail on the staff member's record, read when they are sent.</summary>
public sealed class NotificationAddressTests : IAsyncLifetime
{
    private readonly string _hub = TestNames.Hub("address");
    private string _connectionString = "";
    private HubStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;
        _storage = new HubStorage(
            new TableServiceClient(_connectionString), new BlobServiceClient(_connectionString), Options.Create(new StorageOptions { TaskHubName = _hub }));
    }

    public Task DisposeAsync() => Support.TaskHubStorage.DeleteAsync(_connectionString, _hub);

    [Fact]
    public async Task DeliverDueAsync_RecipientWithAContactEmail_SendsToThatAddress()
    {
        var sent = await DeliverToAsync(active: true);

        Assert.Equal("rosa.mentor@pokmas.example", Assert.Single(sent).Address);
    }

    [Fact]
    public async Task DeliverDueAsync_RecipientDeactivated_SendsNothing()
    {
        var sent = await DeliverToAsync(active: false);

        Assert.Empty(sent);
    }

    private async Task<List<OutgoingNotification>> DeliverToAsync(bool active)
    {
        var store = new StaffStore(_storage);
        var record = new StaffAccount("rosa@pokmas.example", "Rosa", StaffRole.PokmasMentor, Offices.BapasKupang, null, "rosa.mentor@pokmas.example", null, active)
        {
            ChangedBy = StaffDirectory.System,
            ChangedAt = DateTimeOffset.UtcNow,
        };
        await store.SaveAsync([(null, default, record)], CancellationToken.None);
        var outbox = new NotificationOutbox(_storage, TimeProvider.System);
        await outbox.EnqueueAsync(new Notification("ROSA@pokmas.example", "FollowUpReminder", "case-1", 1), "key-1", CancellationToken.None);
        var sender = new CapturingSender();
        var delivery = new NotificationDelivery(outbox, sender, new StaffDirectory(store, Options.Create(new StaffOptions()), TimeProvider.System),
            Options.Create(new NotificationOptions()), TimeProvider.System, NullLogger<NotificationDelivery>.Instance);

        await delivery.DeliverDueAsync(CancellationToken.None);

        return sender.Sent;
    }

    private sealed class CapturingSender : INotificationSender
    {
        public List<OutgoingNotification> Sent { get; } = [];

        public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
        {
            Sent.Add(notification);
            return Task.CompletedTask;
        }
    }
}

using System.Security.Cryptography;
using PepFunctions.App.Notifications;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Notifications;

/// <summary>The app with the demo accounts and the notification sender running every second; seeds given-up notifications.</summary>
public sealed class SenderApp : FeatureApp
{
    /// <summary>When <see cref="SeedGivenUpAsync"/>'s notifications were queued unless told: 00:30 on 2 December in WIB, 01:30 in WITA.</summary>
    public static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);

    /// <summary>Why <see cref="SeedGivenUpAsync"/>'s notifications failed.</summary>
    public const string Error = "Mailbox unavailable (550)";

    /// <summary>The tries <see cref="SeedGivenUpAsync"/>'s notifications used up.</summary>
    public const int Attempts = 10;

    protected override bool RunTimers => true;

    /// <summary>
    /// Writes a notification as the sender leaves one it gave up on (the outbox row marked failed, with its last error),
    /// about a case of its own, and returns it.
    /// </summary>
    internal async Task<GivenUp> SeedGivenUpAsync(string recipient)
    {
        var caseId = "case-bapas-kupang-t-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        var id = NotificationOutbox.IdFor("test-" + caseId, recipient);
        var outbox = Table(NotificationTables.Outbox);
        await outbox.CreateIfNotExistsAsync();
        await outbox.AddEntityAsync(new PendingNotificationEntity
        {
            PartitionKey = NotificationTables.FailedPartition,
            RowKey = id,
            Recipient = recipient,
            Kind = "FollowUpOverdue",
            CaseId = caseId,
            FollowUp = 2,
            CreatedAt = CreatedAt,
            NextAttemptAt = CreatedAt.AddHours(1),
            Attempts = Attempts,
            LastError = Error,
            Failed = true,
        });
        return new GivenUp(id, caseId);
    }

    /// <summary>Whether the notification is still in the outbox, given up (in its failed partition, out of the sender's).</summary>
    internal async Task<bool> IsGivenUpAsync(string id) =>
        (await Table(NotificationTables.Outbox).GetEntityIfExistsAsync<PendingNotificationEntity>(NotificationTables.FailedPartition, id)).HasValue
        && !(await Table(NotificationTables.Outbox).GetEntityIfExistsAsync<PendingNotificationEntity>(NotificationTables.PendingPartition, id)).HasValue;

    /// <summary>Waits until the sender has delivered the notification: its outbox row is gone.</summary>
    internal async Task WaitUntilDeliveredAsync(string id)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
        while ((await Table(NotificationTables.Outbox).GetEntityIfExistsAsync<PendingNotificationEntity>(NotificationTables.PendingPartition, id)).HasValue)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Notification {id} is still in the outbox after {TestApp.WaitLimit}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A seeded given-up notification.</summary>
    internal sealed record GivenUp(string Id, string CaseId);
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Capital;
using PepFunctions.App.Files;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// The reminder sweep's own index (<c>ReferralReminders</c>): each unanswered referral's next reminder, keyed by when it is
/// due, and the sweep's saved place in <c>ReferralsWaiting</c> (<c>SweepState</c>).
/// </summary>
/// <remarks>
/// A run takes up the referrals that have just waited <c>Pipeline:ReferralWait</c> (those submitted since the last run's
/// cutoff: the partitions of a day or two of <c>ReferralsWaiting</c>), then reads the reminders due now. A reminder sent
/// moves to the next waiting period's time, so no run reads a referral whose reminder is not due: the cost of a run is
/// what is due, not every referral still waiting.
/// </remarks>
internal sealed class ReferralReminders(HubStorage storage)
{
    /// <summary>The index table, without the hub prefix.</summary>
    public const string TableName = "ReferralReminders";

    /// <summary>The sweeps' saved places, without the hub prefix: PartitionKey = sweep name, RowKey = what the place is in.</summary>
    public const string StateTable = "SweepState";

    private const string Partition = "due";

    /// <summary>The cutoff (submitted at or before) of the last run that took up waiting referrals; null before the first.</summary>
    public async Task<DateTimeOffset?> TakenUpThroughAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StateTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ReferralReminderSweep.SweepName, CapitalTables.ReferralsWaiting, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset("Through") : null;
    }

    /// <summary>Saves the cutoff through which waiting referrals are taken up.</summary>
    public async Task SaveTakenUpThroughAsync(DateTimeOffset through, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StateTable, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(ReferralReminderSweep.SweepName, CapitalTables.ReferralsWaiting) { ["Through"] = through }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The waiting referrals submitted after <paramref name="after"/> (all, when null) and at or before <paramref name="through"/>: a range of date partitions.</summary>
    public async IAsyncEnumerable<WaitingReferralEntity> ListNewlyWaitingAsync(
        DateTimeOffset? after, DateTimeOffset through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var waiting = await storage.TableAsync(CapitalTables.ReferralsWaiting, cancellationToken);
        var lastDay = Dates.Format(DateOnly.FromDateTime(through.UtcDateTime));
        var filter = after is { } from
            ? TableClient.CreateQueryFilter($"PartitionKey ge {Dates.Format(DateOnly.FromDateTime(from.UtcDateTime))} and PartitionKey le {lastDay}")
            : TableClient.CreateQueryFilter($"PartitionKey le {lastDay}");
        await foreach (var row in waiting.QueryAsync<WaitingReferralEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.SubmittedAt <= through && (after is null || row.SubmittedAt > after))
            {
                yield return row;
            }
        }
    }

    /// <summary>Puts the referral's reminder due at <paramref name="due"/> (written again, it replaces itself).</summary>
    public async Task ScheduleAsync(WaitingReferralEntity waiting, DateTimeOffset due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var table = await storage.TableAsync(TableName, cancellationToken);
        var (caseId, referralId) = waiting.Keys();
        await table.UpsertEntityAsync(new ReferralReminderEntity
        {
            PartitionKey = Partition,
            RowKey = $"{Ticks(due)}|{caseId}|{referralId}",
            CaseId = caseId,
            ReferralId = referralId,
            WaitingPartition = waiting.PartitionKey,
            SubmittedAt = waiting.SubmittedAt,
            SubmittedBy = waiting.SubmittedBy,
            PartnerName = waiting.PartnerName,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The reminders due at or before <paramref name="now"/>, oldest first: one range of one partition.</summary>
    public async IAsyncEnumerable<ReferralReminderEntity> ListDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {Ticks(now.AddTicks(1))}");
        await foreach (var row in table.QueryAsync<ReferralReminderEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Moves a reminder to <paramref name="next"/>, or removes it when <paramref name="next"/> is null (answered, or gone).</summary>
    public async Task MoveAsync(ReferralReminderEntity reminder, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var table = await storage.TableAsync(TableName, cancellationToken);
        if (next is { } due)
        {
            var moved = new WaitingReferralEntity
            {
                PartitionKey = reminder.WaitingPartition,
                RowKey = WaitingReferralEntity.KeyOf(reminder.CaseId, reminder.ReferralId),
                SubmittedAt = reminder.SubmittedAt,
                SubmittedBy = reminder.SubmittedBy,
                PartnerName = reminder.PartnerName,
            };
            await ScheduleAsync(moved, due, cancellationToken);
        }

        try
        {
            await table.DeleteEntityAsync(reminder.PartitionKey, reminder.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Another app instance moved it first.
        }
    }

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}

/// <summary>A row of <c>ReferralReminders</c>: an unanswered referral's next reminder.</summary>
internal sealed class ReferralReminderEntity : ITableEntity
{
    /// <summary><c>due</c>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The reminder's due time (UTC ticks, 19 digits), case id and referral id, joined by <c>|</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CaseId { get; set; } = "";

    public string ReferralId { get; set; } = "";

    /// <summary>The referral's <c>ReferralsWaiting</c> partition (its submitted date).</summary>
    public string WaitingPartition { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public string SubmittedBy { get; set; } = "";

    public string PartnerName { get; set; } = "";
}

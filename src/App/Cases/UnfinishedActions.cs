using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;

namespace PepFunctions.App.Cases;

/// <summary>
/// The index of staff actions that have not yet told their pipeline (<c>UnfinishedActions</c>): a row is written before
/// the action writes its record, and deleted once the pipeline has the action's event. What is left is exactly the work
/// of the pipeline repair (<see cref="Sweeps.PipelineRepairSweep"/>), which reads nothing else.
/// </summary>
/// <remarks>
/// <para>One partition, rows keyed by the action's time (UTC ticks, sortable) then case id and kind, so the repair reads the
/// settled ones (older than its settle window) oldest first with one range query, and the table holds only actions in
/// flight or cut off: a handful, however many cases were ever enrolled. National staff actions come at a few a second,
/// far below the ~2,000 operations a second one partition serves.</para>
/// <para>Written before the record, so a crash between the two leaves a row with nothing behind it (the repair finds the
/// case up to date and deletes it) and never a record without its row. Writing it again is harmless (upsert).</para>
/// </remarks>
public sealed class UnfinishedActions(HubStorage storage)
{
    /// <summary>The table, without the hub prefix.</summary>
    public const string TableName = "UnfinishedActions";

    /// <summary>The one partition.</summary>
    internal const string Partition = "unfinished";

    /// <summary>Records that an action on <paramref name="caseId"/> starts at <paramref name="at"/>; returns the row's key.</summary>
    internal async Task<string> OpenAsync(string caseId, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var row = new UnfinishedActionEntity
        {
            PartitionKey = Partition,
            RowKey = Key(at, caseId, kind),
            CaseId = caseId,
            Kind = kind,
            At = at,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return row.RowKey;
    }

    /// <summary>Deletes the row: the pipeline has the action's event (or there was nothing to tell it).</summary>
    internal async Task CloseAsync(string rowKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Closed already, by the action or by the repair.
        }
    }

    /// <summary>Rows of actions started before <paramref name="settled"/>, oldest first, in pages of 100 (a range of one partition).</summary>
    internal async IAsyncEnumerable<UnfinishedActionEntity> ListSettledAsync(
        DateTimeOffset settled, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var before = Ticks(settled);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {before}");
        await foreach (var row in table.QueryAsync<UnfinishedActionEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Moves a row whose repair failed to <paramref name="now"/>, behind the others: it is tried again after the settle window.</summary>
    internal async Task PostponeAsync(UnfinishedActionEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await OpenAsync(row.CaseId, row.Kind, now, cancellationToken);
        await CloseAsync(row.RowKey, cancellationToken);
    }

    private static string Key(DateTimeOffset at, string caseId, string kind) => $"{Ticks(at)}|{caseId}|{kind}";

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}

/// <summary>A row of <c>UnfinishedActions</c>: one staff action that has not told its pipeline yet.</summary>
internal sealed class UnfinishedActionEntity : ITableEntity
{
    /// <summary><see cref="UnfinishedActions.Partition"/>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The action's time (UTC ticks, 19 digits), case id and kind, joined by <c>|</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The case (an opaque id).</summary>
    public string CaseId { get; set; } = "";

    /// <summary>enrolment, assessment, release, follow-up, withdrawal or sales.</summary>
    public string Kind { get; set; } = "";

    /// <summary>When the action started (the time in the key).</summary>
    public DateTimeOffset At { get; set; }
}

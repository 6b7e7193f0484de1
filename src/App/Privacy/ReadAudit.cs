using System.Globalization;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;

namespace PepFunctions.App.Privacy;

/// <summary>What kind of personal data a member of staff read.</summary>
public enum PersonalDataRead
{
    /// <summary>An office list of people (<c>GET /api/cases</c>, the people page, the dashboard's list).</summary>
    CaseList,

    /// <summary>The people list as CSV.</summary>
    CaseListCsv,

    /// <summary>The due follow-ups list or its CSV.</summary>
    FollowUpList,

    /// <summary>A case's timeline.</summary>
    Timeline,

    /// <summary>A certificate or product photo.</summary>
    FileDownload,

    /// <summary>Everything held about a person (<c>GET /api/cases/{id}/export</c>).</summary>
    Export,
}

/// <summary>
/// The audit of reads of personal data beyond the case page (which writes <c>Viewed</c> to the timeline): every list,
/// CSV export, timeline read, file download and export writes a row to <c>ReadAudit</c> (PartitionKey the UTC day
/// <c>yyyy-MM-dd</c>, RowKey time and a short id: Actor, Read, CaseId or null, Scope (office and stage asked for), Count).
/// The export lists a person's rows here with the <c>Viewed</c> and <c>Exported</c> entries of their timeline: who read their data.
/// </summary>
public sealed class ReadAudit(HubStorage storage, CaseTimeline timeline, TimeProvider clock, ILogger<ReadAudit> logger)
{
    /// <summary>The table's name after the hub prefix.</summary>
    public const string TableName = "ReadAudit";

    /// <summary>Writes that <paramref name="actor"/> read a list (<paramref name="count"/> rows) of <paramref name="scope"/>.</summary>
    public Task ListReadAsync(string actor, PersonalDataRead read, string? scope, int count, CancellationToken cancellationToken) =>
        WriteAsync(actor, read, caseId: null, scope, count, cancellationToken);

    /// <summary>Writes that <paramref name="actor"/> read <paramref name="read"/> of case <paramref name="caseId"/>; an export also
    /// goes to the case's timeline (the other reads stay out of it, so reading the timeline does not grow it).</summary>
    public async Task CaseReadAsync(string actor, PersonalDataRead read, string caseId, string? what, CancellationToken cancellationToken)
    {
        await WriteAsync(actor, read, caseId, what, 1, cancellationToken);
        if (read == PersonalDataRead.Export)
        {
            await timeline.AppendAsync(caseId, clock.GetUtcNow(), actor, TimelineAction.Exported, null, key: null, cancellationToken);
        }
    }

    /// <summary>The reads of case <paramref name="caseId"/>, oldest first (a scan of the table; for the export).</summary>
    public async Task<IReadOnlyList<TableEntity>> ListForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"CaseId eq {caseId}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return [.. rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    private async Task WriteAsync(string actor, PersonalDataRead read, string? caseId, string? scope, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var table = await storage.TableAsync(TableName, cancellationToken);
        await table.AddEntityAsync(new TableEntity(
            now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            now.UtcDateTime.ToString("HHmmss.fffffff", CultureInfo.InvariantCulture) + "-" + StableIds.New(12))
        {
            ["Actor"] = actor,
            ["Read"] = read.ToString(),
            ["CaseId"] = caseId,
            ["Scope"] = scope,
            ["Count"] = count,
        }, cancellationToken);
        logger.LogInformation("{Read} read by {Username} (case {CaseId}, {Count} rows)", read, actor, caseId, count);
    }
}

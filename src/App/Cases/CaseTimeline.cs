using System.Globalization;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.Durable;

namespace PepFunctions.App.Cases;

/// <summary>
/// The timeline of a case (<c>CaseTimeline</c>): every stage change and staff action, with who and when.
/// It is also the audit log, including who viewed the record.
/// </summary>
internal sealed class CaseTimeline(HubStorage storage)
{
    /// <summary>The actor of entries the pipeline writes.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>Appends an entry. Details never hold a name or NIK.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="actor">A staff username, or <see cref="Pipeline"/>.</param>
    /// <param name="action">What happened.</param>
    /// <param name="detail">What changed: an English line and the values it is made of (<see cref="TimelineDetail"/>).</param>
    /// <param name="key">A key that is the same when the same work runs again (an activity's idempotency key), so a re-run
    /// overwrites its entry instead of adding one; null for a fresh entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task AppendAsync(
        string caseId, DateTimeOffset at, string actor, TimelineAction action, TimelineDetail? detail, string? key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Timeline, cancellationToken);
        var shortId = key is null ? StableIds.New(12) : StableIds.From(key, 12);
        var entry = new TimelineEntity
        {
            PartitionKey = caseId,
            RowKey = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture) + "-" + shortId,
            At = at,
            Actor = actor,
            Action = action.ToString(),
            Detail = detail?.Text,
            ParametersJson = detail is null ? null : JsonDataConverter.Default.Serialize(detail.Parameters),
        };
        await table.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The case's entries, oldest first: one partition.</summary>
    public async Task<IReadOnlyList<TimelineEntity>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Timeline, cancellationToken);
        var entries = new List<TimelineEntity>();
        await foreach (var entry in table.QueryAsync<TimelineEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }
}

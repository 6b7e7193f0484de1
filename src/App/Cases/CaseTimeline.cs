using System.Globalization;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Reports;

namespace PepFunctions.App.Cases;

/// <summary>
/// The timeline of a case (<c>CaseTimeline</c>): every stage change and staff action, with who and when.
/// It is also the audit log, including who viewed the record.
/// </summary>
/// <remarks>Public so that public function and activity classes can take it; its members work on internal table rows.</remarks>
public sealed class CaseTimeline(HubStorage storage)
{
    private readonly ProgrammeCounting _counting = new(storage);

    /// <summary>The actor of entries the pipeline writes.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>Appends an entry. Details never hold a name or NIK.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="actor">A staff username, or <see cref="Pipeline"/>.</param>
    /// <param name="action">What happened.</param>
    /// <param name="detail">What changed: an English line and the values it is made of (<see cref="TimelineDetail"/>).</param>
    /// <param name="key">A key that is the same when the same work runs again (an activity call's idempotency key), so a re-run
    /// overwrites its entry instead of adding one; null for a fresh entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    internal async Task AppendAsync(
        string caseId, DateTimeOffset at, string actor, TimelineAction action, TimelineDetail? detail, string? key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Timeline, cancellationToken);
        // A keyed entry's row is named by its key alone: the same work run again later (a retried staff action, an
        // activity re-run in a replayed episode) overwrites it, whatever time the re-run carries.
        var entry = new TimelineEntity
        {
            PartitionKey = caseId,
            RowKey = key is null
                ? at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture) + "-" + StableIds.New(12)
                : "k-" + StableIds.From(key, 24),
            At = at,
            Actor = actor,
            Action = action.ToString(),
            Detail = detail?.Text,
            ParametersJson = detail is null ? null : RecordJson.Serialize(detail.Parameters),
        };
        await table.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
        // The programme's counters, by the same writer: a crash between the two is finished by the retry or the repair,
        // which writes the entry, and so the facts, again.
        await _counting.CountAsync(caseId, at, action, detail?.Parameters, cancellationToken);
    }

    /// <summary>
    /// Appends the entry of a training, capital or marketing action, keyed by <paramref name="action"/> and
    /// <paramref name="actionKey"/>: the same action retried (after a crash, or by a client) overwrites its entry, so it
    /// appears once, and two different actions that happen to share a key (a client reusing an <c>Idempotency-Key</c>
    /// across routes) do not overwrite each other.
    /// </summary>
    /// <param name="caseId">The case the action concerns.</param>
    /// <param name="at">When it happened: the time the action recorded, so a retry does not move it.</param>
    /// <param name="actor">The staff member's username.</param>
    /// <param name="action">What happened.</param>
    /// <param name="detail">Ids, enum names, amounts and dates; never a name or NIK.</param>
    /// <param name="actionKey">The action's idempotency key; a caller without one passes a key derived from what the action
    /// records (e.g. the referral id), which is the same for every write of that record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    internal Task AppendActionAsync(
        string caseId, DateTimeOffset at, string actor, TimelineAction action, TimelineDetail detail, string actionKey, CancellationToken cancellationToken) =>
        AppendAsync(caseId, at, actor, action, detail, key: $"{action}|{actionKey}", cancellationToken);

    /// <summary>The case's entries, oldest first: one partition.</summary>
    internal async Task<IReadOnlyList<TimelineEntity>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Timeline, cancellationToken);
        var entries = new List<TimelineEntity>();
        await foreach (var entry in table.QueryAsync<TimelineEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            entries.Add(entry);
        }

        return [.. entries.OrderBy(entry => entry.At).ThenBy(entry => entry.RowKey, StringComparer.Ordinal)];
    }
}

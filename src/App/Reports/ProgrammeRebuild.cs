using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Pokmas;
using PepFunctions.App.Privacy;

namespace PepFunctions.App.Reports;

/// <summary>
/// Recomputes the programme's counters from the records: every timeline entry (the audit log of each person's actions
/// and stages) through the same counting as when it was written, and every Pokmas Lipas activity.
/// </summary>
/// <remarks>
/// It clears the counters first and then reads the records, so an action that writes while it runs is counted either by
/// itself (after the clearing) or by the rebuild (its entry is there when the rebuild reads it). The facts of erased
/// people stay as they are: their records are gone, their figures are not. It reads every case's
/// timeline: an administrator's repair tool, not something a request does.
/// </remarks>
public sealed class ProgrammeRebuild(HubStorage storage, ProgrammeLedger ledger, ILogger<ProgrammeRebuild> logger)
{
    private readonly ProgrammeCounting _counting = new(storage);

    /// <summary>Rebuilds the counters; returns the number of facts written.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // An erased person's records are gone but their figures stay (de-identified): keep their facts as they are.
        var erased = new HashSet<string>(StringComparer.Ordinal);
        var erasures = await storage.TableAsync(CaseErasure.TableName, cancellationToken);
        await foreach (var row in erasures.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            erased.Add(ProgrammeLedger.Opaque(row.PartitionKey));
        }

        await ledger.ClearAsync(erased, cancellationToken);
        var written = 0;
        var timeline = await storage.TableAsync(CaseTables.Timeline, cancellationToken);
        await foreach (var entry in timeline.QueryAsync<TimelineEntity>(cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<TimelineAction>(entry.Action, out var action))
            {
                var parameters = RecordJson.Deserialize<Dictionary<string, string>>(entry.ParametersJson);
                written += await _counting.CountAsync(entry.PartitionKey, entry.At, action, parameters, cancellationToken);
            }
        }

        var activities = await storage.TableAsync(PokmasTables.Activities, cancellationToken);
        await foreach (var activity in activities.QueryAsync<PokmasActivityEntity>(cancellationToken: cancellationToken))
        {
            await ledger.RecordAsync(PokmasService.FactOf(activity), cancellationToken);
            written++;
        }

        logger.LogInformation("Programme counters rebuilt from the records: {Facts} facts", written);
        return written;
    }
}

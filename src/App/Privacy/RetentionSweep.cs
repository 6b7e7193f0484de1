using Azure;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Sweeps;
using PepFunctions.Domain;

namespace PepFunctions.App.Privacy;

/// <summary>
/// The retention sweep (<c>Retention</c>; daily at 02:30 UTC, or <c>POST /api/sweeps/Retention/run</c>): erases every person
/// whose case record has not changed for <see cref="PrivacyOptions.RetentionAfterClose"/>, whatever its stage — closed, or left
/// open by a pipeline that was terminated or failed — (the same <see cref="CaseErasure"/> an administrator's request runs), and
/// deletes idempotency records older than <see cref="PrivacyOptions.ActionRecordTtl"/> and audit rows (reads, corrections) older
/// than <see cref="PrivacyOptions.AuditRetention"/>.
/// </summary>
/// <remarks>Its result: Examined = cases unchanged for the period looked at, Repaired = people erased now.</remarks>
public sealed class RetentionSweep(
    HubStorage storage, CaseErasure erasure, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "Retention";

    /// <summary>Who an erasure by the sweep names.</summary>
    public const string Actor = "retention";

    /// <inheritdoc />
    public string Name => SweepName;

    /// <inheritdoc />
    public async Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closedBefore = now - options.Value.RetentionAfterClose;
        var cases = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        var due = new List<string>();
        var examined = 0;
        // Every person, whatever the stage: a case is due once its record has not changed for the period (a closed case's last
        // change is its closing; a pipeline an administrator terminated, or one that failed, stops changing it). The filter runs
        // in the service, and only the few columns the check needs come back; erased rows (moved to random ids) are left out.
        var filter = TableClient.CreateQueryFilter($"UpdatedAt le {closedBefore}");
        await foreach (var row in cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "UpdatedAt", "ClosedAt", "ErasedAt", "ErasingSince"], cancellationToken: cancellationToken))
        {
            examined++;
            var lastChange = new[] { row.GetDateTimeOffset("UpdatedAt"), row.GetDateTimeOffset("ClosedAt") }.Max();
            if (row.GetDateTimeOffset("ErasedAt") is null && row.GetDateTimeOffset("ErasingSince") is null && lastChange is { } at && at <= closedBefore)
            {
                due.Add(row.PartitionKey);
            }
        }

        foreach (var caseId in due)
        {
            await erasure.EraseAsync(caseId, Actor, $"Retention period ({options.Value.RetentionAfterClose}) without a change to the case.", "Retention", client, cancellationToken);
        }

        var deleted = await DeleteOlderThanAsync(ActionLog.TableName, now - options.Value.ActionRecordTtl, cancellationToken);
        var audit = await DeleteOlderThanAsync(ReadAudit.TableName, now - options.Value.AuditRetention, cancellationToken)
            + await DeleteOlderThanAsync(PersonalDataAudit.TableName, now - options.Value.AuditRetention, cancellationToken);
        logger.LogInformation("Retention: {Erased} of {Examined} inactive cases erased, {Deleted} idempotency records and {Audit} audit rows deleted",
            due.Count, examined, deleted, audit);
        return new SweepResult(SweepName, examined, 0, due.Count);
    }

    /// <summary>Deletes the rows of <paramref name="tableName"/> last written before <paramref name="before"/> (a filtered scan, once a day).</summary>
    private async Task<int> DeleteOlderThanAsync(string tableName, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken);
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Timestamp lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
            {
                // Another run deleted it.
            }
        }

        return deleted;
    }
}

/// <summary>The retention sweep's timer.</summary>
public sealed class RetentionFunctions(RetentionSweep sweep, ILogger<RetentionFunctions> logger)
{
    /// <summary>Runs the retention sweep daily at 02:30 UTC (10:30 WITA, after the night's work).</summary>
    [Function("RetentionSweep")]
    public async Task RunAsync([TimerTrigger("0 30 2 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await sweep.RunAsync(client, cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Retention sweep stopped: storage is unreachable; its next occurrence runs it again");
        }
    }
}

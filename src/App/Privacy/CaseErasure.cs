using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Notifications;
using PepFunctions.App.Pokmas;

namespace PepFunctions.App.Privacy;

/// <summary>
/// Erases a person: ends and purges their pipeline, then removes or anonymises their data in every place the app writes
/// (<see cref="PersonalDataPlaces"/>, the files under <c>{caseId}/</c>, and last the case record and its office summary,
/// which keep only de-identified values so the programme's figures do not change). An administrator's request and the
/// retention sweep run the same routine.
/// </summary>
/// <remarks>
/// Step by step with a progress record (<c>Erasures</c>: PartitionKey the case id, RowKey <c>erasure</c>: RequestedBy,
/// RequestedAt, Reason, Trigger, Step (the last step done), CompletedAt). Every step is safe to run again, and a retry
/// after a crash at any point resumes after the last step recorded; a finished erasure answers with its record. The
/// record is the one line that remains: case id, who, when, why — never a name, NIK or registration number.
/// </remarks>
public sealed class CaseErasure(HubStorage storage, TimeProvider clock, ILogger<CaseErasure> logger)
{
    /// <summary>The progress and audit table's name after the hub prefix.</summary>
    public const string TableName = "Erasures";

    /// <summary>The longest reason an administrator gives.</summary>
    public const int MaxReasonLength = 500;

    private const string RowKey = "erasure";
    private const string CompletedStep = "Completed";

    /// <summary>Erases the person of <paramref name="caseId"/>, or finishes an erasure that stopped.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="by">The administrator's username, or <c>retention</c>.</param>
    /// <param name="reason">Why (stored in the audit line; no names).</param>
    /// <param name="trigger">What asked for it: <c>Request</c> or <c>Retention</c>.</param>
    /// <param name="client">The durable client, to end and purge the pipeline.</param>
    /// <param name="cancellationToken">Cancels the work (a later call resumes it).</param>
    /// <exception cref="NotFoundException">No such case, and no erasure of it.</exception>
    public async Task<ErasureResponse> EraseAsync(
        string caseId, string by, string reason, string trigger, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var erasures = await storage.TableAsync(TableName, cancellationToken);
        var progress = await StartAsync(erasures, caseId, by, reason, trigger, cancellationToken);
        var done = progress.GetString("Step");
        var steps = Steps(caseId, client);
        var skip = done is null ? 0 : steps.FindIndex(s => s.Name == done) + 1;
        foreach (var (name, run) in steps.Skip(skip))
        {
            await run(cancellationToken);
            progress["Step"] = name;
            if (name == CompletedStep)
            {
                progress["CompletedAt"] = clock.GetUtcNow();
            }

            var saved = await erasures.UpdateEntityAsync(progress, progress.ETag, TableUpdateMode.Replace, cancellationToken);
            progress.ETag = saved.Headers.ETag ?? default;
        }

        logger.LogInformation("Case {CaseId} erased ({Trigger}) by {Username}", caseId, trigger, by);
        return ErasureResponse.From(progress);
    }

    /// <summary>The erasure record of <paramref name="caseId"/>, or null.</summary>
    public async Task<ErasureResponse?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        var erasures = await storage.TableAsync(TableName, cancellationToken);
        var row = await erasures.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? ErasureResponse.From(row.Value!) : null;
    }

    private async Task<TableEntity> StartAsync(TableClient erasures, string caseId, string by, string reason, string trigger, CancellationToken cancellationToken)
    {
        var earlier = await erasures.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken);
        if (earlier.HasValue)
        {
            return earlier.Value!;
        }

        var cases = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        if (!(await cases.GetEntityIfExistsAsync<TableEntity>(caseId, caseId, ["RowKey"], cancellationToken)).HasValue)
        {
            throw new NotFoundException($"Case '{caseId}' was not found.");
        }

        var row = new TableEntity(caseId, RowKey)
        {
            ["RequestedBy"] = by, ["RequestedAt"] = clock.GetUtcNow(), ["Reason"] = reason, ["Trigger"] = trigger,
        };
        try
        {
            var added = await erasures.AddEntityAsync(row, cancellationToken);
            row.ETag = added.Headers.ETag ?? default;
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // Another request started the same erasure a moment ago: carry on from its record.
            return (await erasures.GetEntityAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken)).Value;
        }
    }

    private List<(string Name, Func<CancellationToken, Task> Run)> Steps(string caseId, DurableTaskClient client) =>
    [
        ("Pipeline", ct => EndPipelineAsync(caseId, client, ct)),
        .. PersonalDataPlaces.Tables.Select(place => (place.Table, (Func<CancellationToken, Task>)(ct => CleanAsync(place, caseId, ct)))),
        ("PokmasActivities", ct => PokmasService.ForgetParticipantAsync(storage, caseId, ct)),
        ("Files", ct => DeleteFilesAsync(caseId, ct)),
        ("Cases", ct => AnonymiseRecordAsync(caseId, ct)),
        (CompletedStep, _ => Task.CompletedTask),
    ];

    /// <summary>Terminates the pipeline if it has not ended, waits for it to stop, and purges its history and instance.</summary>
    private static async Task EndPipelineAsync(string caseId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, cancellationToken);
        if (instance is null)
        {
            return;
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
        {
            await client.TerminateInstanceAsync(caseId, "Personal data erased.", cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromMinutes(2));
            await client.WaitForInstanceCompletionAsync(caseId, limit.Token);
        }

        await client.PurgeInstanceAsync(caseId, cancellationToken);
    }

    private async Task CleanAsync(PersonalDataPlace place, string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(place.Table, cancellationToken);
        var rows = await PersonalDataPlaces.RowsAsync(table, place, caseId, cancellationToken);
        if (place.Table == NotificationTables.Sent || place.Table == NotificationTables.Outbox)
        {
            await DeleteDeliveredMarkersAsync(rows, place.Table == NotificationTables.Sent, cancellationToken);
        }

        foreach (var row in rows)
        {
            if (place.Rule == ErasureRule.Delete)
            {
                await DeleteAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
            }
            else if (place.Cleared.Any(row.ContainsKey))
            {
                var cleared = new TableEntity(row.PartitionKey, row.RowKey);
                foreach (var column in place.Cleared)
                {
                    cleared[column] = "";
                }

                await table.UpdateEntityAsync(cleared, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
        }
    }

    /// <summary>The delivered markers (<c>NotificationsDelivered</c>, keyed by notification id) of the case's notifications.</summary>
    private async Task DeleteDeliveredMarkersAsync(List<TableEntity> rows, bool sent, CancellationToken cancellationToken)
    {
        var delivered = await storage.TableAsync(NotificationTables.Delivered, cancellationToken);
        foreach (var id in rows.Select(row => sent ? row.GetString("NotificationId") : row.RowKey).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await DeleteAsync(delivered, id, id, cancellationToken);
        }
    }

    private async Task DeleteFilesAsync(string caseId, CancellationToken cancellationToken)
    {
        var container = await storage.FilesAsync(cancellationToken);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, caseId + "/", cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Empties the record's personal columns and marks it erased; the summary follows (the case store writes it).</summary>
    private async Task AnonymiseRecordAsync(string caseId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _ = await new CaseStore(storage, clock).UpdateAsync(caseId, record =>
        {
            if (record.ErasedAt is not null && record.FullName.Length == 0)
            {
                return false;
            }

            record.FullName = "";
            record.Nik = null;
            record.RegistrationNumber = "";
            record.AssessmentJson = null;
            record.RecommendationsJson = null;
            record.WithdrawalNote = null;
            record.EnrolKey = record.AssessmentKey = record.ReleaseKey = record.WithdrawalKey = record.TransferKey = null;
            record.ErasedAt = now;
            return true;
        }, cancellationToken);
    }

    private static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Gone already: an earlier attempt deleted it.
        }
    }
}

/// <summary>The erasure's audit line: the case, who, when, why, and how far it has got.</summary>
public sealed record ErasureResponse(string CaseId, string RequestedBy, DateTimeOffset RequestedAt, string Reason, string Trigger, string? Step, DateTimeOffset? CompletedAt)
{
    internal static ErasureResponse From(TableEntity row) => new(
        row.PartitionKey, row.GetString("RequestedBy") ?? "", row.GetDateTimeOffset("RequestedAt") ?? default, row.GetString("Reason") ?? "",
        row.GetString("Trigger") ?? "", row.GetString("Step"), row.GetDateTimeOffset("CompletedAt"));
}

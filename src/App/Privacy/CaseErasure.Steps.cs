using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Notifications;
using PepFunctions.App.Pokmas;

namespace PepFunctions.App.Privacy;

/// <summary>The erasure's steps, in order; each safe to run again.</summary>
public sealed partial class CaseErasure
{
    private List<(string Name, Func<CancellationToken, Task> Run)> Steps(string caseId, string anonymousId, DurableTaskClient client) =>
    [
        ("Fence", ct => FenceAsync(caseId, ct)),
        ("Pipeline", ct => EndPipelineAsync(caseId, client, ct)),
        .. PersonalDataPlaces.Tables.Select(place => (place.Table, (Func<CancellationToken, Task>)(ct => CleanAsync(place, caseId, anonymousId, ct)))),
        ("PokmasActivities", ct => PokmasService.ForgetParticipantAsync(storage, caseId, ct)),
        ("Files", ct => DeleteFilesAsync(caseId, ct)),
        // Once more, for a row a request or sweep that passed the fence before it wrote meanwhile (each table's rows by the case id).
        ("Recheck", async ct =>
        {
            foreach (var place in PersonalDataPlaces.Tables)
            {
                await CleanAsync(place, caseId, anonymousId, ct);
            }
        }),
        ("Cases", ct => AnonymiseRecordAsync(caseId, anonymousId, ct)),
        (CompletedStep, async ct => await DeleteAsync(await storage.TableAsync(TableName, ct), PendingPartition, caseId, ct)),
    ];

    /// <summary>
    /// Marks the case "erasing" and empties its name, NIK and registration number at once (the office summary follows), so that
    /// from now on no path shows or changes the person.
    /// </summary>
    private async Task FenceAsync(string caseId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _ = await new CaseStore(storage, clock).UpdateAsync(caseId, record =>
        {
            if (record.ErasingSince is not null && record.FullName.Length == 0)
            {
                return false;
            }

            record.ErasingSince ??= now;
            record.FullName = "";
            record.Nik = null;
            record.RegistrationNumber = "";
            return true;
        }, cancellationToken);
    }

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
            await TerminateAsync(caseId, client, cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromMinutes(2));
            await client.WaitForInstanceCompletionAsync(caseId, limit.Token);
        }

        await client.PurgeInstanceAsync(caseId, cancellationToken);
    }

    /// <summary>Terminates the pipeline; one that ended meanwhile (the request's own termination came first) is fine.</summary>
    private static async Task TerminateAsync(string caseId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.TerminateInstanceAsync(caseId, "Personal data erased.", cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The extension refuses to terminate an instance that has ended (Azure/azure-functions-durable-extension,
            // DurableClient): fine when the request's own termination came first; anything else is a bug to see.
            if ((await client.GetInstanceAsync(caseId, cancellationToken))?.RuntimeStatus
                is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
            {
                throw;
            }
        }
    }

    /// <summary>Deletes the case's rows of <paramref name="place"/>, or anonymises them: free text emptied and the row moved from the case id to <paramref name="anonymousId"/>.</summary>
    private async Task CleanAsync(PersonalDataPlace place, string caseId, string anonymousId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(place.Table, cancellationToken);
        var rows = await PersonalDataPlaces.RowsAsync(table, place, caseId, cancellationToken);
        if (place.Table == NotificationTables.Sent || place.Table == NotificationTables.Outbox)
        {
            await DeleteDeliveredMarkersAsync(rows, place.Table == NotificationTables.Sent, cancellationToken);
        }

        foreach (var row in rows)
        {
            if (place.Rule == ErasureRule.Anonymise)
            {
                var copy = Rekeyed(row, caseId, anonymousId, place.Cleared);
                await table.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
                if (copy.PartitionKey == row.PartitionKey && copy.RowKey == row.RowKey)
                {
                    // Keys without the case id (the read audit's are a date and a time): the row was replaced in place.
                    continue;
                }
            }

            await DeleteAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    /// <summary>A copy of <paramref name="row"/> with the case id replaced by <paramref name="anonymousId"/> in its keys and columns, and <paramref name="cleared"/> emptied.</summary>
    private static TableEntity Rekeyed(TableEntity row, string caseId, string anonymousId, IReadOnlyCollection<string> cleared)
    {
        var copy = new TableEntity(Replace(row.PartitionKey), Replace(row.RowKey));
        foreach (var (column, value) in row)
        {
            if (column is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            copy[column] = cleared.Contains(column) ? "" : value is string text ? Replace(text) : value;
        }

        return copy;

        string Replace(string text) => text.Replace(caseId, anonymousId, StringComparison.Ordinal);
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

    /// <summary>
    /// Empties the record's personal columns, marks it erased and moves it (and its office summary) from the case id to
    /// <paramref name="anonymousId"/>, keeping office, stage and dates for the figures.
    /// </summary>
    private async Task AnonymiseRecordAsync(string caseId, string anonymousId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var store = new CaseStore(storage, clock);
        var record = await store.UpdateAsync(caseId, record =>
        {
            if (record.ErasedAt is not null && record.FullName.Length == 0 && record.AssessmentJson is null)
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
        if (record is null)
        {
            return;
        }

        var cases = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        var summaries = await storage.TableAsync(CaseTables.CasesByOffice, cancellationToken);
        var row = (await cases.GetEntityAsync<TableEntity>(caseId, caseId, cancellationToken: cancellationToken)).Value;
        var summary = await summaries.GetEntityIfExistsAsync<TableEntity>(record.OfficeCode, caseId, cancellationToken: cancellationToken);
        // The copies first, then the originals: a crash in between leaves copies that the retry writes again (same keys).
        await cases.UpsertEntityAsync(Rekeyed(row, caseId, anonymousId, []), TableUpdateMode.Replace, cancellationToken);
        if (summary.HasValue)
        {
            await summaries.UpsertEntityAsync(Rekeyed(summary.Value!, caseId, anonymousId, []), TableUpdateMode.Replace, cancellationToken);
            await DeleteAsync(summaries, record.OfficeCode, caseId, cancellationToken);
        }

        await DeleteAsync(cases, caseId, caseId, cancellationToken);
    }
}

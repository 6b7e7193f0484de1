using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>Reads and writes case records (<c>Cases</c>) and keeps their office summaries (<c>CasesByOffice</c>) in step.</summary>
/// <remarks>
/// Every change is a read-modify-write with the record's ETag, retried when another writer came first. The
/// summary is written after the record and only over an older <see cref="CaseEntity.Version"/>, so racing
/// writers leave the newest summary; when a case moves office, its summary moves with it.
/// Public so that public function and activity classes can take it; its members work on internal table rows.
/// </remarks>
public sealed class CaseStore(HubStorage storage, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    /// <summary>The case record, or null when there is none.</summary>
    internal async Task<CaseEntity?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<CaseEntity>(caseId, caseId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Adds a new case record and its summary; false (and nothing written) when the case id is taken.</summary>
    internal async Task<bool> TryAddAsync(CaseEntity record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        record.Version = 1;
        record.CreatedAt = record.UpdatedAt = clock.GetUtcNow();
        try
        {
            var response = await table.AddEntityAsync(record, cancellationToken);
            record.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            return false;
        }

        await WriteSummaryAsync(record, previousOffice: null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record and saves it with its ETag, re-reading and
    /// re-applying when another writer came first. <paramref name="change"/> returns false to leave the record as it is.
    /// </summary>
    /// <returns>The record as saved (or as found, when unchanged); null when there is no such case.</returns>
    /// <exception cref="ConflictException">Other writers kept winning.</exception>
    internal async Task<CaseEntity?> UpdateAsync(string caseId, Func<CaseEntity, bool> change, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await FindAsync(caseId, cancellationToken) is not { } record)
            {
                return null;
            }

            var previousOffice = record.OfficeCode;
            if (!change(record))
            {
                return record;
            }

            if (previousOffice != record.OfficeCode)
            {
                record.FormerOffices = AddOffice(record.FormerOffices, previousOffice);
            }

            record.Version++;
            record.UpdatedAt = clock.GetUtcNow();
            try
            {
                var response = await table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
                record.ETag = response.Headers.ETag ?? default;
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
            {
                continue;
            }

            await WriteSummaryAsync(record, previousOffice, cancellationToken);
            return record;
        }

        throw new ConflictException($"Case '{caseId}' kept changing while it was being updated; try again.");
    }

    /// <summary>The records of every case whose pipeline has not ended, without the person's name and NIK: a scan of the table.</summary>
    internal async IAsyncEnumerable<CaseEntity> ListOpenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"Stage ne {nameof(PipelineStage.Graduated)} and Stage ne {nameof(PipelineStage.Withdrawn)} and Stage ne {nameof(PipelineStage.Ended)}");
        await foreach (var record in table.QueryAsync<CaseEntity>(filter, select: WithoutPersonalData, cancellationToken: cancellationToken))
        {
            // An erased person's anonymised record keeps its stage for the figures; nothing may pick its pipeline up again.
            if (!record.IsClosed && !record.IsErasing)
            {
                yield return record;
            }
        }
    }

    /// <summary>Every column of a case record but the name, NIK, assessment and notes.</summary>
    private static readonly string[] WithoutPersonalData = [.. typeof(CaseEntity).GetProperties()
        .Where(p => p.CanWrite && p.Name is not (nameof(CaseEntity.FullName) or nameof(CaseEntity.Nik) or nameof(CaseEntity.AssessmentJson)
            or nameof(CaseEntity.WithdrawalNote) or nameof(CaseEntity.Timestamp) or nameof(CaseEntity.ETag)))
        .Select(p => p.Name)];

    /// <summary>The summaries of an office's cases, optionally of one stage: one partition.</summary>
    internal async Task<IReadOnlyList<CaseSummaryEntity>> ListAsync(string officeCode, PipelineStage? stage, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.CasesByOffice, cancellationToken);
        var filter = stage is { } only
            ? TableClient.CreateQueryFilter($"PartitionKey eq {officeCode} and Stage eq {only.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {officeCode}");
        var summaries = new List<CaseSummaryEntity>();
        await foreach (var summary in table.QueryAsync<CaseSummaryEntity>(filter, cancellationToken: cancellationToken))
        {
            summaries.Add(summary);
        }

        return summaries;
    }

    private async Task WriteSummaryAsync(CaseEntity record, string? previousOffice, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseTables.CasesByOffice, cancellationToken);
        var summary = CaseSummaryEntity.From(record);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<CaseSummaryEntity>(summary.PartitionKey, summary.RowKey, cancellationToken: cancellationToken);
            if (existing.HasValue && existing.Value!.Version >= summary.Version)
            {
                break;
            }

            try
            {
                await (existing.HasValue
                    ? table.UpdateEntityAsync(summary, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(summary, cancellationToken));
                break;
            }
            catch (RequestFailedException ex) when (TableErrors.IsConflict(ex))
            {
                // Another writer's summary landed first; look again at which is newer.
            }
        }

        // Every office the case has left, not only the one this change left: a writer that stopped after moving the
        // record and before deleting the old row (a crash, an outage) leaves it for the next write to remove.
        var left = FormerList(record.FormerOffices).Append(previousOffice)
            .Where(office => office is not null && office != record.OfficeCode).Distinct(StringComparer.Ordinal);
        foreach (var office in left)
        {
            await DeleteSummaryAsync(table, office!, record.CaseId, cancellationToken);
        }

        // A transfer that committed after this change was read may have moved the case on: a summary left
        // behind at an office the case has left would list it twice.
        if (await FindAsync(record.CaseId, cancellationToken) is { } current && current.OfficeCode != record.OfficeCode)
        {
            await DeleteSummaryAsync(table, record.OfficeCode, record.CaseId, cancellationToken);
        }
    }

    /// <summary>Writes the case's summary again and removes any row left under an office it has left (a retried action's repair).</summary>
    internal async Task RepairSummaryAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caseId, cancellationToken) is { } record)
        {
            await WriteSummaryAsync(record, previousOffice: null, cancellationToken);
        }
    }

    private static IEnumerable<string?> FormerList(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string AddOffice(string? list, string office) =>
        FormerList(list).Contains(office, StringComparer.Ordinal) ? list! : string.IsNullOrEmpty(list) ? office : list + "," + office;

    private static async Task DeleteSummaryAsync(TableClient table, string officeCode, string caseId, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(officeCode, caseId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsNotFound(ex))
        {
            // Already gone.
        }
    }
}

using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Privacy;

/// <summary>
/// Everything the app holds about a person (<c>GET /api/cases/{id}/export</c> and the printable page): the case record with
/// its consent, the rows of every table in <see cref="PersonalDataPlaces"/> (assessment, training, release, follow-ups,
/// referrals, permits, products, sales, showcases, notifications), the timeline with who viewed the record, the reads of
/// their data, and their files as links. The export itself is audited.
/// </summary>
public sealed class CaseExport(HubStorage storage, ReadAudit reads)
{
    /// <summary>Columns that are the app's own bookkeeping, not data about the person.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "odata.etag", "Timestamp", "EnrolKey", "AssessmentKey", "ReleaseKey", "WithdrawalKey", "TransferKey", "NominationKey", "CurationKey", "Version",
    };

    /// <summary>The export of <paramref name="caseId"/>, for staff who may see the case; written to its timeline and the read audit.</summary>
    /// <exception cref="NotFoundException">No such case (or erased), or one <paramref name="staff"/> does not see.</exception>
    public async Task<CaseExportDocument> ExportAsync(StaffMember staff, string caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var cases = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        var found = CaseOffices.IsPossibleId(caseId) ? await cases.GetEntityIfExistsAsync<TableEntity>(caseId, caseId, cancellationToken: cancellationToken) : null;
        if (found is not { HasValue: true } || found.Value!.GetDateTimeOffset("ErasedAt") is not null || found.Value.GetDateTimeOffset(CaseOffices.ErasingSinceProperty) is not null
            || !AccessPolicy.CanViewCase(staff, found.Value.GetString(CaseOffices.OfficeCodeProperty) ?? "", found.Value.GetString(CaseOffices.MentorUsernameProperty)))
        {
            throw new NotFoundException($"Case '{caseId}' was not found.");
        }

        CaseConsents.RequireForMentor(staff, caseId, found.Value.GetString("ConsentJson"));

        // The export is audited before it is read, so it lists itself.
        await reads.CaseReadAsync(staff.Username, PersonalDataRead.Export, caseId, null, cancellationToken);
        var record = Columns(found.Value);
        var consent = RecordJson.Deserialize<Consent>(found.Value.GetString("ConsentJson"));
        var tables = new SortedDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var place in PersonalDataPlaces.Tables)
        {
            // Old and new values of corrections are for administrators only.
            if (place.Table == PersonalDataAudit.TableName && staff.Role != StaffRole.Administrator)
            {
                continue;
            }

            var table = await storage.TableAsync(place.Table, cancellationToken);
            var rows = await PersonalDataPlaces.RowsAsync(table, place, caseId, cancellationToken);
            if (rows.Count > 0)
            {
                tables[place.Table] = [.. rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).Select(Columns)];
            }
        }

        return new CaseExportDocument(caseId, now, staff.Username, record, consent, tables, await FilesAsync(caseId, cancellationToken));
    }

    private async Task<IReadOnlyList<ExportedFile>> FilesAsync(string caseId, CancellationToken cancellationToken)
    {
        var container = await storage.FilesAsync(cancellationToken);
        var files = new List<ExportedFile>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, caseId + "/", cancellationToken))
        {
            files.Add(new ExportedFile(blob.Name, LinkOf(caseId, blob.Name), blob.Properties.ContentType));
        }

        return files;
    }

    /// <summary>The API route that serves a stored file to staff who may see the case.</summary>
    private static string LinkOf(string caseId, string blobName)
    {
        var parts = blobName.Split('/');
        var id = Uri.EscapeDataString(caseId);
        return parts switch
        {
            [_, "training", var batch, "certificate"] => $"/api/training/batches/{Uri.EscapeDataString(batch)}/enrolments/{id}/certificate",
            [_, "products", var product, "photo"] => $"/api/cases/{id}/products/{Uri.EscapeDataString(product)}/photo",
            _ => "",
        };
    }

    private static IReadOnlyDictionary<string, object?> Columns(TableEntity row)
    {
        var columns = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in row)
        {
            if (!Bookkeeping.Contains(name))
            {
                columns[name] = value;
            }
        }

        return columns;
    }
}

/// <summary>Everything held about one person.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="ExportedBy">Who made it.</param>
/// <param name="Record">The case record's columns (<c>Cases</c>).</param>
/// <param name="Consent">The consent as recorded.</param>
/// <param name="Tables">Every other table's rows about the person, by table (<c>CaseTimeline</c> holds who viewed the record,
/// <c>ReadAudit</c> every other read of their data).</param>
/// <param name="Files">Their certificates and product photos, as links.</param>
public sealed record CaseExportDocument(
    string CaseId,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    IReadOnlyDictionary<string, object?> Record,
    Consent? Consent,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Tables,
    IReadOnlyList<ExportedFile> Files);

/// <summary>A stored file, as a link the staff member can follow.</summary>
public sealed record ExportedFile(string Name, string Link, string? ContentType);

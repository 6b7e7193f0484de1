using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Http;
using PepFunctions.Domain;

using PepFunctions.App.Privacy;

namespace PepFunctions.App.Files;

/// <summary>
/// Which office holds a case now — read from the case record (<c>{hub}Cases</c>, PartitionKey = RowKey = case id,
/// property <c>OfficeCode</c>) that the Cases feature keeps — and whether a member of staff may see it or act on it.
/// </summary>
/// <remarks>The one place the training, capital and marketing features read the case record.</remarks>
public sealed class CaseOffices(HubStorage storage)
{
    /// <summary>The case table's name after the hub prefix.</summary>
    public const string CasesTable = "Cases";

    /// <summary>The property holding the responsible office's code.</summary>
    public const string OfficeCodeProperty = "OfficeCode";

    /// <summary>The property holding the username of the mentor assigned at release.</summary>
    public const string MentorUsernameProperty = "MentorUsername";

    /// <summary>The property holding the case's <see cref="PipelineStage"/> name.</summary>
    public const string StageProperty = "Stage";

    /// <summary>The property holding when the person was released (a UTC time), once they are.</summary>
    public const string ReleasedAtProperty = "ReleasedAt";

    /// <summary>The record's consent (<see cref="Consent"/> as JSON).</summary>
    public const string ConsentProperty = "ConsentJson";

    /// <summary>When the person was erased; set on the anonymised record.</summary>
    public const string ErasedAtProperty = "ErasedAt";

    /// <summary>When an erasure of the person was requested; from then on the case is no case for any route.</summary>
    public const string ErasingSinceProperty = "ErasingSince";

    /// <summary>The longest case id a route or body may name (ids are office code and registration number).</summary>
    public const int MaxCaseIdLength = 200;

    /// <summary>The office holding <paramref name="caseId"/>, or <see langword="null"/> when there is no such case.</summary>
    public async Task<string?> FindAsync(string caseId, CancellationToken cancellationToken) =>
        (await FindHolderAsync(caseId, cancellationToken))?.OfficeCode;

    /// <summary>The office holding <paramref name="caseId"/> and its mentor, or <see langword="null"/> when there is no such case.</summary>
    public async Task<CaseHolder?> FindHolderAsync(string caseId, CancellationToken cancellationToken)
    {
        if (!IsPossibleId(caseId))
        {
            return null;
        }

        var table = await storage.TableAsync(CasesTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            caseId, caseId, [OfficeCodeProperty, MentorUsernameProperty, StageProperty, ReleasedAtProperty, ConsentProperty, ErasedAtProperty, ErasingSinceProperty], cancellationToken);
        // An erased person's anonymised record keeps its office for the figures, but is no case any more; nor is one being erased.
        return row.HasValue && row.Value!.GetString(OfficeCodeProperty) is { Length: > 0 } office && row.Value.GetDateTimeOffset(ErasedAtProperty) is null
            && row.Value.GetDateTimeOffset(ErasingSinceProperty) is null
            ? new CaseHolder(office, row.Value.GetString(MentorUsernameProperty),
                Enum.TryParse<PipelineStage>(row.Value.GetString(StageProperty), out var stage) ? stage : null,
                row.Value.GetDateTimeOffset(ReleasedAtProperty), row.Value.GetString(ConsentProperty))
            : null;
    }

    /// <summary>The case's office, when <paramref name="staff"/> may see the case.</summary>
    /// <remarks>
    /// A case held by an office <paramref name="staff"/> does not see answers exactly as a missing one, so that no route reveals
    /// that it exists (or where it is held).
    /// </remarks>
    /// <exception cref="NotFoundException">No such case, or one held by an office <paramref name="staff"/> does not see.</exception>
    public async Task<string> RequireViewAsync(StaffMember staff, string caseId, CancellationToken cancellationToken) =>
        (await RequireViewHolderAsync(staff, caseId, cancellationToken)).OfficeCode;

    /// <summary>Who holds the case and where it stands, when <paramref name="staff"/> may see it.</summary>
    /// <exception cref="NotFoundException">No such case, or one held by an office <paramref name="staff"/> does not see.</exception>
    public async Task<CaseHolder> RequireViewHolderAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        var holder = await FindHolderAsync(caseId, cancellationToken);
        if (holder is null || !AccessPolicy.CanViewCase(staff, holder.OfficeCode, holder.MentorUsername))
        {
            throw new NotFoundException($"Case '{caseId}' does not exist.");
        }

        CaseConsents.RequireForMentor(staff, caseId, holder.ConsentJson);
        return holder;
    }

    /// <summary>Who holds the case and where it stands, when <paramref name="staff"/> may do <paramref name="action"/> to it.</summary>
    /// <exception cref="NotFoundException">No such case, or one held by an office <paramref name="staff"/> does not see.</exception>
    /// <exception cref="ForbiddenException">The role may not do this.</exception>
    public async Task<CaseHolder> RequireHolderAsync(StaffMember staff, PipelineAction action, string caseId, CancellationToken cancellationToken)
    {
        var holder = await RequireViewHolderAsync(staff, caseId, cancellationToken);
        Require(staff, action, holder.OfficeCode);
        return holder;
    }

    /// <summary>
    /// The office of the case whose product <paramref name="staff"/> curates: curation reaches the product, not the person, so
    /// a national curator (who sees no one's record) may curate; anyone else as <see cref="RequireAsync"/>.
    /// </summary>
    /// <exception cref="NotFoundException">No such case, or one <paramref name="staff"/> may not curate a product of.</exception>
    /// <exception cref="ForbiddenException">The role may not curate.</exception>
    public async Task<string> RequireCurationAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.Role != StaffRole.NationalCurator)
        {
            return await RequireAsync(staff, PipelineAction.CurateProduct, caseId, cancellationToken);
        }

        var holder = await FindHolderAsync(caseId, cancellationToken);
        if (holder is null || !AccessPolicy.CanPerform(staff, PipelineAction.CurateProduct, holder.OfficeCode))
        {
            throw new NotFoundException($"Case '{caseId}' does not exist.");
        }

        return holder.OfficeCode;
    }

    /// <summary>
    /// Whether <paramref name="caseId"/> can name a case at all: 1 to <see cref="MaxCaseIdLength"/> characters, none of them a
    /// character a table key refuses (<c>/ \ # ?</c> or a control character). Anything else is no case (404), not a storage error.
    /// </summary>
    public static bool IsPossibleId(string? caseId) =>
        !string.IsNullOrWhiteSpace(caseId) && caseId.Length <= MaxCaseIdLength
        && !caseId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>
    /// <paramref name="id"/> (a case or batch id from a route) as the action log's scope (<see cref="ActionLog"/>), so a key
    /// character in it answers 404 before any table is asked.
    /// </summary>
    /// <exception cref="NotFoundException">The id cannot name a case or batch.</exception>
    public static string ActionScope(string id) =>
        IsPossibleId(id) ? id : throw new NotFoundException($"'{id}' does not exist.");

    /// <summary>The case's office, when <paramref name="staff"/> may do <paramref name="action"/> to the case.</summary>
    /// <exception cref="NotFoundException">No such case, or one held by an office <paramref name="staff"/> does not see.</exception>
    /// <exception cref="ForbiddenException">The role may not do this.</exception>
    public async Task<string> RequireAsync(StaffMember staff, PipelineAction action, string caseId, CancellationToken cancellationToken)
    {
        var office = await RequireViewAsync(staff, caseId, cancellationToken);
        Require(staff, action, office);
        return office;
    }

    /// <summary>Throws unless <paramref name="staff"/> may do <paramref name="action"/> at <paramref name="officeCode"/>.</summary>
    /// <exception cref="ForbiddenException">The role may not do this, or the office is not theirs.</exception>
    public static void Require(StaffMember staff, PipelineAction action, string officeCode)
    {
        if (!AccessPolicy.RolesAllowedTo(action).Contains(staff.Role))
        {
            throw new ForbiddenException($"A {staff.Role} may not {Describe(action)}.");
        }

        if (!AccessPolicy.CanPerform(staff, action, officeCode))
        {
            throw new ForbiddenException($"{officeCode} is not an office {staff.Username} works for.");
        }
    }

    private static string Describe(PipelineAction action) => action switch
    {
        PipelineAction.ManageTraining => "manage training",
        PipelineAction.ReferCapital => "refer a person for capital or keep their permits",
        PipelineAction.RecordPartnerAnswer => "record a financing partner's answer",
        PipelineAction.AddProduct => "add products",
        PipelineAction.NominateProduct => "nominate a produk unggulan",
        PipelineAction.CurateProduct => "curate produk unggulan",
        PipelineAction.RecordFollowUp => "record follow-ups or sales",
        _ => action.ToString(),
    };
}

/// <summary>Who holds a case now.</summary>
/// <param name="OfficeCode">The responsible office.</param>
/// <param name="MentorUsername">The Bapas officer or Pokmas Lipas mentor assigned at release; null before.</param>
/// <param name="Stage">Where the case stands in the pipeline; null when the record does not say.</param>
/// <param name="ReleasedAt">When the person was released; null before.</param>
/// <param name="ConsentJson">The person's consent as the record holds it (<see cref="Consent"/> as JSON).</param>
public sealed record CaseHolder(string OfficeCode, string? MentorUsername, PipelineStage? Stage = null, DateTimeOffset? ReleasedAt = null, string? ConsentJson = null);

/// <summary>Table helpers the features share.</summary>
internal static class TableErrors
{
    /// <summary>The entity changed (412) or appeared (409) since it was read.</summary>
    public static bool IsConflict(RequestFailedException ex) =>
        ex.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status409Conflict;

    /// <summary>The entity or table does not exist.</summary>
    public static bool IsNotFound(RequestFailedException ex) => ex.Status == StatusCodes.Status404NotFound;
}

using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Files;

/// <summary>
/// Which office holds a case now — read from the case record (<c>{hub}Cases</c>, PartitionKey = RowKey = case id,
/// property <c>OfficeCode</c>) that the Cases feature keeps — and whether a member of staff may see it or act on it.
/// </summary>
/// <remarks>The one place the training, capital and marketing features read the case record.</remarks>
internal sealed class CaseOffices(HubStorage storage)
{
    /// <summary>The case table's name after the hub prefix.</summary>
    public const string CasesTable = "Cases";

    /// <summary>The property holding the responsible office's code.</summary>
    public const string OfficeCodeProperty = "OfficeCode";

    /// <summary>The property holding the username of the mentor assigned at release.</summary>
    public const string MentorUsernameProperty = "MentorUsername";

    /// <summary>The office holding <paramref name="caseId"/>, or <see langword="null"/> when there is no such case.</summary>
    public async Task<string?> FindAsync(string caseId, CancellationToken cancellationToken) =>
        (await FindHolderAsync(caseId, cancellationToken))?.OfficeCode;

    /// <summary>The office holding <paramref name="caseId"/> and its mentor, or <see langword="null"/> when there is no such case.</summary>
    public async Task<CaseHolder?> FindHolderAsync(string caseId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(caseId))
        {
            return null;
        }

        var table = await storage.TableAsync(CasesTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, caseId, [OfficeCodeProperty, MentorUsernameProperty], cancellationToken);
        return row.HasValue && row.Value!.GetString(OfficeCodeProperty) is { Length: > 0 } office
            ? new CaseHolder(office, row.Value.GetString(MentorUsernameProperty))
            : null;
    }

    /// <summary>The case's office, when <paramref name="staff"/> may see the case.</summary>
    /// <exception cref="NotFoundException">No such case.</exception>
    /// <exception cref="ForbiddenException">The case is held by an office <paramref name="staff"/> does not see.</exception>
    public async Task<string> RequireViewAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        var office = await FindAsync(caseId, cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' does not exist.");
        return AccessPolicy.CanView(staff, office)
            ? office
            : throw new ForbiddenException($"Case '{caseId}' is held by {office}, an office {staff.Username} does not see.");
    }

    /// <summary>The case's office, when <paramref name="staff"/> may do <paramref name="action"/> to the case.</summary>
    /// <exception cref="NotFoundException">No such case.</exception>
    /// <exception cref="ForbiddenException">The role may not do this, or the case is held by another office.</exception>
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

        if (!AccessPolicy.CanView(staff, officeCode))
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
internal sealed record CaseHolder(string OfficeCode, string? MentorUsername);

/// <summary>Table helpers the features share.</summary>
internal static class TableErrors
{
    /// <summary>The entity changed (412) or appeared (409) since it was read.</summary>
    public static bool IsConflict(RequestFailedException ex) =>
        ex.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status409Conflict;

    /// <summary>The entity or table does not exist.</summary>
    public static bool IsNotFound(RequestFailedException ex) => ex.Status == StatusCodes.Status404NotFound;
}

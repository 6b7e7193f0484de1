using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Privacy;

/// <summary>
/// What a person consented to (<c>Cases.ConsentJson</c>), checked before each use of their data that needs a purpose
/// beyond the programme: a referral needs <see cref="ConsentPurpose.ShareWithFinancingPartners"/>, a showcase or a
/// nomination as <i>produk unggulan</i> (a public listing) <see cref="ConsentPurpose.ProductPromotion"/>, a Pokmas Lipas
/// mentor's access <see cref="ConsentPurpose.ShareWithMentors"/>.
/// </summary>
public sealed class CaseConsents(HubStorage storage)
{
    private const string ConsentProperty = "ConsentJson";

    /// <summary>Throws unless the person of <paramref name="caseId"/> consented to <paramref name="purpose"/>.</summary>
    /// <exception cref="ConflictException">409, naming the missing consent (nothing is stored).</exception>
    public async Task RequireAsync(string caseId, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        if (!await CoversAsync(caseId, purpose, cancellationToken))
        {
            throw Missing(caseId, purpose);
        }
    }

    /// <summary>Whether the person of <paramref name="caseId"/> consented to <paramref name="purpose"/>; false when there is no record.</summary>
    public async Task<bool> CoversAsync(string caseId, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(CaseOffices.CasesTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, caseId, [ConsentProperty], cancellationToken);
        return row.HasValue && Covers(row.Value!.GetString(ConsentProperty), purpose);
    }

    /// <summary>Whether consent JSON (as <c>Cases.ConsentJson</c> holds it) covers <paramref name="purpose"/>.</summary>
    public static bool Covers(string? consentJson, ConsentPurpose purpose) =>
        !string.IsNullOrEmpty(consentJson) && RecordJson.Deserialize<Consent>(consentJson)?.Covers(purpose) == true;

    /// <summary>
    /// Refuses a Pokmas Lipas mentor a person's data without <see cref="ConsentPurpose.ShareWithMentors"/>: a mentor is
    /// outside the ministry and sees a person's record only with their consent. Staff of other roles pass.
    /// </summary>
    /// <exception cref="ConflictException">The 409 naming the consent.</exception>
    internal static void RequireForMentor(StaffMember staff, string caseId, string? consentJson)
    {
        if (staff.Role == StaffRole.PokmasMentor && !Covers(consentJson, ConsentPurpose.ShareWithMentors))
        {
            throw Missing(caseId, ConsentPurpose.ShareWithMentors);
        }
    }

    /// <summary>Whether <paramref name="staff"/> may see a person with this consent: anyone but a mentor, a mentor only with <see cref="ConsentPurpose.ShareWithMentors"/>.</summary>
    /// <remarks>The list form of <see cref="RequireForMentor"/>: a list leaves out whom a single read would refuse.</remarks>
    internal static bool AllowsMentor(StaffMember staff, string? consentJson) =>
        staff.Role != StaffRole.PokmasMentor || Covers(consentJson, ConsentPurpose.ShareWithMentors);

    /// <summary>The 409 that names the missing consent.</summary>
    internal static ConflictException Missing(string caseId, ConsentPurpose purpose) =>
        // The consent comes first, so a page can say which one in its own language (Texts.Privacy.cs: "~Missing consent to ...").
        new($"Missing consent to {purpose}: {Why(purpose)}. Record the consent of the person of case '{caseId}' first.");

    private static string Why(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.ShareWithFinancingPartners => "a referral shares their data with a financing partner",
        ConsentPurpose.ProductPromotion => "a showcase or produk unggulan listing shows their products publicly",
        ConsentPurpose.ShareWithMentors => "a Pokmas Lipas mentor sees their record",
        _ => "it is required to take part in the programme",
    };
}

using static PepFunctions.Domain.StaffRole;

namespace PepFunctions.Domain;

/// <summary>Who may see which cases, and who may do what to them.</summary>
/// <remarks>
/// <para>
/// Seeing: a Lapas officer or Bapas officer sees the cases of their own office, a Pokmas Lipas mentor only the cases
/// of their office that they mentor (<see cref="CanViewCase"/>); a
/// Kanwil coordinator sees every office in the Kanwil's province; an administrator sees everything. A national curator
/// sees no person: products and curation (<see cref="CanSeeProducts"/>) and the national figures, nothing of the
/// people behind them (docs/privacy.md, "Who may read and change what"). A case's office is the office responsible for it now: the Lapas until release, then
/// the Bapas that takes it over (<see cref="Offices.BapasFor"/>), which is how Bapas officers and mentors
/// come to see it.
/// </para>
/// <para>
/// Doing: the role must appear in the action's row of the table below, and the case must be visible. Lapas
/// staff run the programme up to release; Bapas officers and Pokmas Lipas mentors after it; a Kanwil
/// coordinator nominates its province's products and moves cases between its offices; curation of
/// <i>produk unggulan</i> is national.
/// </para>
/// </remarks>
public static class AccessPolicy
{
    private static readonly Dictionary<PipelineAction, StaffRole[]> AllowedRoles = new()
    {
        [PipelineAction.Enrol]                 = [LapasOfficer,                                                                 Administrator],
        [PipelineAction.RecordAssessment]      = [LapasOfficer, BapasOfficer,                                                   Administrator],
        [PipelineAction.ManageTraining]        = [LapasOfficer,                                                                 Administrator],
        [PipelineAction.RecordRelease]         = [LapasOfficer,                                                                 Administrator],
        [PipelineAction.RecordFollowUp]        = [              BapasOfficer, PokmasMentor,                                     Administrator],
        [PipelineAction.ReferCapital]          = [              BapasOfficer, PokmasMentor,                                     Administrator],
        [PipelineAction.RecordPartnerAnswer]   = [              BapasOfficer, PokmasMentor,                                     Administrator],
        [PipelineAction.AddProduct]            = [LapasOfficer, BapasOfficer, PokmasMentor,                                     Administrator],
        [PipelineAction.NominateProduct]       = [LapasOfficer, BapasOfficer,               KanwilCoordinator,                  Administrator],
        [PipelineAction.CurateProduct]         = [                                            KanwilCoordinator, NationalCurator, Administrator],
        [PipelineAction.Withdraw]              = [LapasOfficer, BapasOfficer,                                                   Administrator],
        [PipelineAction.Transfer]              = [LapasOfficer, BapasOfficer,               KanwilCoordinator,                  Administrator],
    };

    /// <summary>The roles allowed to do <paramref name="action"/> (to cases they can see).</summary>
    public static IReadOnlyList<StaffRole> RolesAllowedTo(PipelineAction action) =>
        AllowedRoles.TryGetValue(action, out var roles)
            ? Array.AsReadOnly(roles)
            : throw new ArgumentOutOfRangeException(nameof(action), action, "The access table has no row for this action.");

    /// <summary>Whether <paramref name="staff"/> may see the people (cases) held by the office <paramref name="caseOfficeCode"/>.</summary>
    /// <remarks>A national curator sees no office's people: their work is products (<see cref="CanSeeProducts"/>).</remarks>
    public static bool CanView(StaffMember staff, string caseOfficeCode)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.Role switch
        {
            Administrator => true,
            KanwilCoordinator => IsInKanwilProvince(staff.OfficeCode, caseOfficeCode),
            LapasOfficer or BapasOfficer or PokmasMentor => string.Equals(staff.OfficeCode, caseOfficeCode, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="staff"/> may see one case, held by <paramref name="caseOfficeCode"/> and mentored by
    /// <paramref name="caseMentorUsername"/>: as <see cref="CanView"/>, except that a Pokmas Lipas mentor sees only the cases
    /// they mentor (their supervisor, a Bapas officer, still sees the whole office).
    /// </summary>
    public static bool CanViewCase(StaffMember staff, string caseOfficeCode, string? caseMentorUsername)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return CanView(staff, caseOfficeCode)
            && (staff.Role != PokmasMentor || string.Equals(staff.Username, caseMentorUsername, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether <paramref name="staff"/> may see the nominated products (the curation queue) of <paramref name="officeCode"/>:
    /// the ministry's staff who see the office's people, and a national curator everywhere. Not a Pokmas Lipas mentor, who neither
    /// nominates nor curates and sees only their own mentees. A product carries a case id, never a name.
    /// </summary>
    public static bool CanSeeProducts(StaffMember staff, string officeCode)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.Role == NationalCurator || (staff.Role != PokmasMentor && CanView(staff, officeCode));
    }

    /// <summary>Whether <paramref name="staff"/> may do <paramref name="action"/> to a case held by <paramref name="caseOfficeCode"/>.</summary>
    /// <remarks>Curation reaches the product, not the person: it needs <see cref="CanSeeProducts"/>; every other action <see cref="CanView"/>.</remarks>
    public static bool CanPerform(StaffMember staff, PipelineAction action, string caseOfficeCode)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return RolesAllowedTo(action).Contains(staff.Role)
            && (action == PipelineAction.CurateProduct ? CanSeeProducts(staff, caseOfficeCode) : CanView(staff, caseOfficeCode));
    }

    private static bool IsInKanwilProvince(string kanwilCode, string caseOfficeCode)
    {
        var kanwil = Offices.Find(kanwilCode);
        var caseOffice = Offices.Find(caseOfficeCode);
        return kanwil is { Kind: OfficeKind.Kanwil } && caseOffice is not null && kanwil.Province == caseOffice.Province;
    }
}

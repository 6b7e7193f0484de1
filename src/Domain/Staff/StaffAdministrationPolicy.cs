using static PepFunctions.Domain.StaffRole;

namespace PepFunctions.Domain;

/// <summary>Who may add and change which staff members.</summary>
/// <remarks>
/// An administrator manages everyone. A Kanwil coordinator manages the staff of the UPTs (Lapas, Rutan, Bapas) of the
/// Kanwil's province, and only in the roles below their own: Lapas officers, Bapas officers and Pokmas Lipas mentors.
/// Nobody else manages staff. A change is allowed only when the actor may manage the member both as they are and as
/// they would be, so a coordinator cannot move someone out of (or into) a province or role they do not manage.
/// </remarks>
public static class StaffAdministrationPolicy
{
    private static readonly StaffRole[] BelowKanwil = [LapasOfficer, BapasOfficer, PokmasMentor];

    /// <summary>Whether <paramref name="actor"/> may manage a staff member of <paramref name="role"/> at <paramref name="officeCode"/>.</summary>
    public static bool CanManage(StaffMember actor, StaffRole role, string officeCode)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Administrator => true,
            KanwilCoordinator => BelowKanwil.Contains(role) && IsUptOfProvince(actor.OfficeCode, officeCode),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="actor"/> manages staff at all (sees the staff pages and the API's list).</summary>
    public static bool ManagesStaff(StaffMember actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Administrator or KanwilCoordinator;
    }

    private static bool IsUptOfProvince(string kanwilCode, string officeCode) =>
        Offices.Find(kanwilCode) is { Kind: OfficeKind.Kanwil } kanwil
        && Offices.Find(officeCode) is { Kind: OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas } office
        && kanwil.Province == office.Province;
}

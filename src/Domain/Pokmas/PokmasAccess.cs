using static PepFunctions.Domain.StaffRole;

namespace PepFunctions.Domain;

/// <summary>Who may see and keep a Pokmas Lipas and its activities.</summary>
/// <remarks>
/// The staff of the group's office keep the group (its name and members) and record its activities; a mentor who is a
/// member records activities too. A Kanwil coordinator sees the groups of its province, an administrator every group
/// and may do everything. A national curator sees none: an activity names the people who took part (by case id).
/// </remarks>
public static class PokmasAccess
{
    /// <summary>Whether <paramref name="staff"/> may see the groups of <paramref name="officeCode"/>.</summary>
    public static bool CanView(StaffMember staff, string officeCode) => AccessPolicy.CanView(staff, officeCode);

    /// <summary>Whether <paramref name="staff"/> may create a group at <paramref name="officeCode"/>.</summary>
    public static bool CanManage(StaffMember staff, string officeCode)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.Role switch
        {
            Administrator => true,
            LapasOfficer or BapasOfficer => string.Equals(staff.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="staff"/> may record an activity of <paramref name="group"/>.</summary>
    public static bool CanRecordActivity(StaffMember staff, PokmasGroup group)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(group);
        return CanManage(staff, group.OfficeCode) ||
            (staff.Role == PokmasMentor && group.Members.Any(m => string.Equals(m.Username, staff.Username, StringComparison.OrdinalIgnoreCase)));
    }
}

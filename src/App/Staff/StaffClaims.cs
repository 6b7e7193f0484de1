using System.Security.Claims;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>How a signed-in staff member is carried in claims, whichever sign-in put them there.</summary>
internal static class StaffClaims
{
    public const string Role = "pep:role";
    public const string Office = "pep:office";
    public const string DisplayName = "pep:name";
    public const string Supervisor = "pep:supervisor";

    public static ClaimsPrincipal ToPrincipal(this StaffMember staff, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, staff.Username),
            new(Role, staff.Role.ToString()),
            new(Office, staff.OfficeCode),
            new(DisplayName, staff.DisplayName),
        };
        if (staff.SupervisorUsername is { } supervisor)
        {
            claims.Add(new Claim(Supervisor, supervisor));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The staff member behind a request, or null when it is not signed in as staff.</summary>
    public static StaffMember? ToStaffMember(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || user.Identity.Name is not { } username
            || !Enum.TryParse<StaffRole>(user.FindFirstValue(Role), out var role)
            || user.FindFirstValue(Office) is not { } office)
        {
            return null;
        }

        return new StaffMember(username, user.FindFirstValue(DisplayName) ?? username, role, office, user.FindFirstValue(Supervisor));
    }

    /// <summary>The staff member behind a request that passed the staff policy.</summary>
    public static StaffMember Staff(this HttpContext http) =>
        http.User.ToStaffMember() ?? throw new InvalidOperationException("The endpoint is not protected by the staff policy.");
}

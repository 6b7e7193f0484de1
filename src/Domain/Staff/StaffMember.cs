namespace PepFunctions.Domain;

/// <summary>A user of the system.</summary>
/// <param name="Username">Unique login name; what audit entries and assignments refer to.</param>
/// <param name="DisplayName">The name shown to other staff.</param>
/// <param name="Role">What they do; see <see cref="AccessPolicy"/>.</param>
/// <param name="OfficeCode">The <see cref="Office.Code"/> they work at (a Pokmas Lipas mentor: the office their group works with).</param>
/// <param name="SupervisorUsername">Who overdue follow-ups escalate to; <see langword="null"/> when nobody is set.</param>
public sealed record StaffMember(string Username, string DisplayName, StaffRole Role, string OfficeCode, string? SupervisorUsername = null);

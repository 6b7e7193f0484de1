using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>A staff member's record in the directory, as the API reads and writes it (<c>PUT</c> takes all of it).</summary>
/// <param name="Username">The sign-in name: the Entra ID UPN or e-mail (a demo account's short name locally); matched without regard to case.</param>
/// <param name="DisplayName">The name other staff see.</param>
/// <param name="Role">What they do (<see cref="AccessPolicy"/>).</param>
/// <param name="OfficeCode">Where they work.</param>
/// <param name="Supervisor">Who their overdue follow-ups escalate to (a username), or null.</param>
/// <param name="Email">Where their notifications go.</param>
/// <param name="Phone">A contact number, or null.</param>
/// <param name="Active">False once deactivated: they can no longer sign in, and their next request is refused.</param>
public sealed record StaffAccount(
    string Username, string DisplayName, StaffRole Role, string OfficeCode, string? Supervisor, string? Email, string? Phone, bool Active)
{
    /// <summary>How reminders reach them (e-mail unless chosen otherwise; WhatsApp and SMS go to <see cref="Phone"/>).</summary>
    public Notifications.ReminderChannel ReminderChannel { get; init; } = Notifications.ReminderChannel.Email;

    /// <summary>The Entra ID object id bound at the first platform sign-in (then the person is matched by it), or null.</summary>
    public string? ObjectId { get; init; }

    /// <summary>The Entra ID tenant the object id belongs to, or null.</summary>
    public string? TenantId { get; init; }

    /// <summary>Who last changed the record (a username, or <c>system</c> for seeds and the bootstrap).</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The staff member the rest of the app works with.</summary>
    public StaffMember ToMember() => new(Username, DisplayName, Role, OfficeCode, Supervisor);

    /// <summary>The same record without the sign-in binding and change stamp: what an administrator can change.</summary>
    internal StaffAccount Editable => this with { ObjectId = null, TenantId = null, ChangedBy = null, ChangedAt = null };
}

/// <summary>One audited change of a staff record: who, when, and the record before (null when added) and after.</summary>
public sealed record StaffChange(string Username, string ChangedBy, DateTimeOffset ChangedAt, StaffAccount? Before, StaffAccount After);

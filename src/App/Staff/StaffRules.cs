using System.Net.Mail;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>A staff record as a client sends it (<c>POST</c>, <c>PUT</c>, a row of the onboarding file); every field is checked.</summary>
/// <param name="Username">The sign-in name (Entra ID UPN or e-mail); on <c>PUT</c> it may be left out, and must match the address if given.</param>
/// <param name="DisplayName">The name other staff see.</param>
/// <param name="Role">A <see cref="StaffRole"/> name.</param>
/// <param name="OfficeCode">The office's code.</param>
/// <param name="Supervisor">A username, or null.</param>
/// <param name="Email">The contact e-mail address notifications go to.</param>
/// <param name="Phone">A contact number, or null.</param>
/// <param name="Active">Whether they may sign in.</param>
/// <param name="Successor">Only when deactivating a mentor of open cases: the username of the mentor who takes them over.</param>
/// <param name="ReminderChannel">How reminders reach them: <c>Email</c> (when left out), <c>WhatsApp</c> or <c>Sms</c> (both need a phone number).</param>
public sealed record StaffRequest(
    string? Username, string? DisplayName, string? Role, string? OfficeCode, string? Supervisor, string? Email, string? Phone, bool? Active,
    string? Successor = null, string? ReminderChannel = null);

/// <summary>What a staff record must be: each rule names its field.</summary>
internal static class StaffRules
{
    /// <summary>The longest sign-in name (an Entra UPN is at most 113 characters).</summary>
    public const int MaxUsernameLength = 128;

    /// <summary>
    /// Whether <paramref name="username"/> can be a sign-in name: printable ASCII without spaces or the characters table
    /// keys refuse, starting with a letter or digit (an Entra UPN, an e-mail address, or a demo account's short name).
    /// </summary>
    public static bool IsUsername(string username) =>
        username.Length is > 0 and <= MaxUsernameLength
        && char.IsAsciiLetterOrDigit(username[0])
        && username.All(c => c is > ' ' and < '~' and not ('/' or '\\' or '#' or '?' or '|'));

    /// <summary>The record <paramref name="request"/> describes, or the errors of every bad field (JSON names).</summary>
    /// <param name="request">The client's record.</param>
    /// <param name="username">The username from the route (a <c>PUT</c>), which the body's, when given, must match; null for a new record.</param>
    public static (StaffAccount? Account, List<FieldError> Errors) Check(StaffRequest request, string? username)
    {
        var errors = new List<FieldError>();
        var name = request.Username?.Trim();
        if (username is not null && name is not null && !string.Equals(name, username, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("username", "The username cannot change: it is the sign-in name in the address."));
        }

        name ??= username;
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("username", "The sign-in name (Entra ID UPN or e-mail) is required."));
        }
        else if (!IsUsername(name))
        {
            errors.Add(new("username", $"A sign-in name is 1 to {MaxUsernameLength} ASCII characters without spaces or / \\ # ? |, starting with a letter or digit."));
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 200)
        {
            errors.Add(new("displayName", "The name is required (at most 200 characters)."));
        }

        StaffRole role = default;
        if (string.IsNullOrWhiteSpace(request.Role) || !Enum.TryParse(request.Role.Trim(), ignoreCase: false, out role) || !Enum.IsDefined(role))
        {
            errors.Add(new("role", $"The role is one of {string.Join(", ", Enum.GetNames<StaffRole>())}."));
        }

        var office = Offices.Find(request.OfficeCode?.Trim());
        if (office is null)
        {
            errors.Add(new("officeCode", $"Not a known office: '{request.OfficeCode}'."));
        }

        var supervisor = string.IsNullOrWhiteSpace(request.Supervisor) ? null : request.Supervisor.Trim();
        if (supervisor is not null && (!IsUsername(supervisor) || string.Equals(supervisor, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new("supervisor", "The supervisor is another staff member's sign-in name, or empty."));
        }

        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            errors.Add(new("email", "A contact e-mail address is required: notifications go there."));
        }

        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-')))
        {
            errors.Add(new("phone", "A phone number is digits, spaces, '+' and '-' (at most 20), or empty."));
        }

        var channel = Notifications.ReminderChannel.Email;
        if (!string.IsNullOrWhiteSpace(request.ReminderChannel)
            && (!Enum.TryParse(request.ReminderChannel.Trim(), ignoreCase: true, out channel) || !Enum.IsDefined(channel)))
        {
            errors.Add(new("reminderChannel", $"The reminder channel is one of {string.Join(", ", Enum.GetNames<Notifications.ReminderChannel>())}."));
        }
        else if (channel != Notifications.ReminderChannel.Email && Notifications.ReminderChannels.ToE164(phone) is null)
        {
            errors.Add(new("phone", "Reminders by WhatsApp or SMS need a phone number with its country code (+62…) or an Indonesian number (08…)."));
        }

        if (request.Active is null)
        {
            errors.Add(new("active", "Say whether the staff member is active (true or false)."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new StaffAccount(name!, request.DisplayName!.Trim(), role, office!.Code, supervisor, email, phone, request.Active!.Value) { ReminderChannel = channel }, errors);
    }

    /// <summary>
    /// A supervisor within the actor's managing scope: the actor themself, or a member the actor may manage (an administrator:
    /// anyone). A Kanwil coordinator cannot name a supervisor of another province, whose digests would then carry this
    /// province's case ids.
    /// </summary>
    public static void CheckSupervisorScope(StaffMember actor, string supervisor, StaffRole role, string officeCode, List<FieldError> errors)
    {
        if (!string.Equals(actor.Username, supervisor, StringComparison.OrdinalIgnoreCase) && !StaffAdministrationPolicy.CanManage(actor, role, officeCode))
        {
            errors.Add(new("supervisor", $"'{supervisor}' works outside the offices you manage; name a supervisor within them."));
        }
    }

    /// <summary>
    /// A ministry staff member's contact address is in the configured mail domain (<c>Staff:MailDomain</c>), so digests and
    /// reminders, which carry case ids, go nowhere else. A Pokmas Lipas mentor (outside the ministry) keeps an address of their own.
    /// </summary>
    public static void CheckMailDomain(StaffAccount account, string? mailDomain, List<FieldError> errors)
    {
        if (mailDomain is { Length: > 0 } domain && account.Role != StaffRole.PokmasMentor && account.Email is { } email
            && !email.EndsWith("@" + domain.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("email", $"A staff member's contact address is an address of {domain.Trim().TrimStart('@')}."));
        }
    }
}

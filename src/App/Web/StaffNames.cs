using Microsoft.Extensions.Localization;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web;

/// <summary>Staff shown by their display name where a page names who did something or who mentors a person; usernames stay in URLs and logs.</summary>
internal sealed class StaffNames
{
    private readonly Dictionary<string, string> _names;
    private readonly IStringLocalizer _l;

    private StaffNames(IEnumerable<StaffMember> staff, IStringLocalizer l)
    {
        _names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in staff)
        {
            _names[member.Username] = member.DisplayName;
        }

        _l = l;
    }

    /// <summary>The names of every staff member the directory lists (one read of the directory for the page).</summary>
    public static async Task<StaffNames> LoadAsync(StaffDirectory directory, IStringLocalizer l, CancellationToken cancellationToken) =>
        new(await directory.ListAsync(cancellationToken), l);

    /// <summary>The names of <paramref name="staff"/>, already read by the page.</summary>
    public static StaffNames From(IEnumerable<StaffMember> staff, IStringLocalizer l) => new(staff, l);

    /// <summary>
    /// The display name of <paramref name="username"/>; the pipeline and the system in words; a username the directory no
    /// longer knows as it is. Null stays null.
    /// </summary>
    public string? Of(string? username)
    {
        if (username is null)
        {
            return null;
        }

        if (username == Cases.CaseTimeline.Pipeline || username == StaffDirectory.System)
        {
            return _l[$"Actor.{username}"];
        }

        return _names.GetValueOrDefault(username, username);
    }
}

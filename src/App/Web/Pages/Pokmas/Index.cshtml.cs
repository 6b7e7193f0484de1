using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Http;
using PepFunctions.App.Pokmas;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Pokmas;

/// <summary><c>/pokmas</c>: the Pokmas Lipas groups of the offices the staff member sees, and setting one up.</summary>
internal sealed class IndexModel(PokmasService pokmas) : StaffPageModel
{
    [BindProperty]
    public GroupForm Group { get; set; } = new();

    public IReadOnlyList<PokmasGroupResponse> Groups { get; private set; } = [];

    /// <summary>The offices at which the staff member may set up a group.</summary>
    public IReadOnlyList<Office> ManagedOffices =>
        [.. Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas && PokmasAccess.CanManage(Staff, o.Code))];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await pokmas.ListGroupsAsync(Staff, null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PokmasGroupResponse? created = null;
        var request = Group.ToRequest();
        if (await TrySubmitAsync(nameof(Group), async () => created = await pokmas.CreateGroupAsync(
                Staff, request, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken), GroupForm.FieldAliases(request)))
        {
            return Redirect($"/pokmas/{created!.GroupId}?saved=PokmasGroupCreated");
        }

        Groups = await pokmas.ListGroupsAsync(Staff, null, cancellationToken);
        return Page();
    }
}

/// <summary>The form that sets up a group: mentors by username and plain members by name, one per line.</summary>
internal sealed class GroupForm
{
    public string? Name { get; set; }

    public string? OfficeCode { get; set; }

    public string? Mentors { get; set; }

    public string? Members { get; set; }

    public PokmasGroupRequest ToRequest() => new(Name, OfficeCode,
        [.. Lines(Mentors).Select(u => new PokmasMember(u, null)), .. Lines(Members).Select(n => new PokmasMember(null, n))]);

    /// <summary>The form field that shows the error of each member: mentors come first, then plain members.</summary>
    public static IReadOnlyDictionary<string, string> FieldAliases(PokmasGroupRequest request)
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var members = request.Members ?? [];
        for (var i = 0; i < members.Count; i++)
        {
            var field = members[i].Username is null ? nameof(Members) : nameof(Mentors);
            aliases[$"Members[{i}]"] = aliases[$"Members[{i}].Username"] = aliases[$"Members[{i}].Name"] = field;
        }

        return aliases;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

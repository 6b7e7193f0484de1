using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Pokmas;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Pokmas;

/// <summary><c>/pokmas/{groupId}</c>: a group's members and activities, and recording an activity.</summary>
internal sealed class GroupModel(PokmasService pokmas, CaseService cases) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string GroupId { get; set; } = "";

    [BindProperty]
    public ActivityForm Activity { get; set; } = new();

    public PokmasGroupResponse Group { get; private set; } = null!;

    public IReadOnlyList<PokmasActivityResponse> Activities { get; private set; } = [];

    /// <summary>The office's people the staff member sees, to tick as participants.</summary>
    public IReadOnlyList<CaseSummaryResponse> People { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new PokmasActivityRequest(Activity.Date, Activity.Kind, Activity.Place, Activity.Participants ?? [], Activity.OtherAttendees);
        if (await TrySubmitAsync(nameof(Activity), async () => await pokmas.RecordActivityAsync(
                Staff, GroupId, request, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken),
                new Dictionary<string, string> { ["Participants[0]"] = "Participants", ["Participants[1]"] = "Participants" }))
        {
            return Redirect($"/pokmas/{GroupId}?saved=PokmasActivityRecorded");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Group = await pokmas.GetGroupAsync(Staff, GroupId, cancellationToken);
        Activities = await pokmas.ListActivitiesAsync(Staff, GroupId, cancellationToken);
        CanRecord = PokmasAccess.CanRecordActivity(Staff, new PokmasGroup(Group.Name, Group.OfficeCode, Group.Members));
        People = CanRecord ? await cases.ListAsync(Staff, new CaseListQuery(Group.OfficeCode, null), cancellationToken) : [];
        Activity.Date ??= Offices.LocalDate(Group.OfficeCode, HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}

/// <summary>The form that records an activity.</summary>
internal sealed class ActivityForm
{
    public DateOnly? Date { get; set; }

    public PokmasActivityKind? Kind { get; set; }

    public string? Place { get; set; }

    public List<string>? Participants { get; set; }

    public int? OtherAttendees { get; set; }
}

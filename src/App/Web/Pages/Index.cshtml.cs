using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Dashboards;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages;

/// <summary>
/// <c>/</c>: the dashboard of the offices the staff member sees — their own office, a Kanwil's province, or
/// the whole country — narrowed to one office with <c>?kantor=CODE</c>; above it the staff member's own work ("Tugas saya").
/// </summary>
/// <remarks>People are shown by name and registration number, mentors by display name; case ids are in the links only.</remarks>
internal sealed class IndexModel(DashboardService dashboards, WorkQueue work, CaseService cases, StaffDirectory directory) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "kantor")]
    public string? Office { get; set; }

    public DashboardFigures Figures { get; private set; } = null!;

    /// <summary>"Tugas saya": what the staff member has to do, due first.</summary>
    public IReadOnlyList<WorkItem> Work { get; private set; } = [];

    /// <summary>How many items the work queue has in all (the page lists at most <see cref="WorkQueue.Limit"/>).</summary>
    public int WorkTotal { get; private set; }

    /// <summary>The names of the people in the follow-up and referral lists that the staff member may see.</summary>
    public IReadOnlyDictionary<string, CaseName> People { get; private set; } = new Dictionary<string, CaseName>();

    public StaffNames StaffNames { get; private set; } = null!;

    /// <summary>The person of <paramref name="caseId"/> by name and registration number, or the case id when not known to the staff member.</summary>
    public string Person(string caseId) => People.TryGetValue(caseId, out var person) ? $"{person.FullName} ({person.RegistrationNumber})" : caseId;

    public IReadOnlyList<Office> Choices => DashboardService.VisibleUpts(Staff);

    /// <summary>What the figures cover, in words.</summary>
    public string Scope => Office is not null ? Names.Office(Office)
        : Staff.Role switch
        {
            StaffRole.KanwilCoordinator => L["Dashboard.Province", Offices.Find(Staff.OfficeCode)?.Province ?? ""],
            StaffRole.NationalCurator or StaffRole.Administrator => L["Dashboard.National"],
            _ => Names.Office(Staff.OfficeCode),
        };

    /// <summary>The stage chart, drawn on the server.</summary>
    public string Chart => StageChart.Render(L["Dashboard.ChartTitle"],
        [.. Figures.ByStage.Select(pair => (L.Of(pair.Key), pair.Value))]);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Office is not null && Choices.All(o => !string.Equals(o.Code, Office, StringComparison.OrdinalIgnoreCase)))
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        Office = Office is null ? null : Offices.Find(Office)!.Code;
        var figuresTask = dashboards.GetAsync(Staff, Office, cancellationToken);
        var workTask = work.ForAsync(Staff, Office, cancellationToken);
        var staffTask = StaffNames.LoadAsync(directory, L, cancellationToken);
        await Task.WhenAll(figuresTask, workTask, staffTask);
        Figures = figuresTask.Result;
        (Work, WorkTotal) = workTask.Result;
        StaffNames = staffTask.Result;
        People = await cases.NamesAsync(Staff,
            Figures.Overdue.Concat(Figures.DueSoon).Select(f => f.CaseId).Concat(Figures.ReferralsWaiting.Select(r => r.CaseId)), cancellationToken);
        return Page();
    }
}

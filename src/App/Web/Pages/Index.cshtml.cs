using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Dashboards;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages;

/// <summary>
/// <c>/</c>: the dashboard of the offices the staff member sees — their own office, a Kanwil's province, or
/// the whole country — narrowed to one office with <c>?kantor=CODE</c>.
/// </summary>
internal sealed class IndexModel(DashboardService dashboards) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "kantor")]
    public string? Office { get; set; }

    public DashboardFigures Figures { get; private set; } = null!;

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
        Figures = await dashboards.GetAsync(Staff, Office, cancellationToken);
        return Page();
    }
}

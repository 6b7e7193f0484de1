using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Dashboards;
using PepFunctions.App.Http;
using PepFunctions.App.Reports;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Reports;

/// <summary><c>/laporan</c>: the programme report of a scope over whole months, with charts, printable on A4.</summary>
internal sealed class ProgrammeModel(ProgrammeReportService reports, TimeProvider time) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ProgrammeReport? Report { get; private set; }

    /// <summary>The scopes the staff member may choose: the nation, provinces (by Kanwil) and offices, as the access table allows.</summary>
    public IReadOnlyList<(string Code, string Name)> Scopes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scopes = ScopesOf(Staff);
        var month = Offices.LocalDate(Staff.OfficeCode, time.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Scope ??= Scopes.FirstOrDefault().Code;
        From ??= month;
        To ??= month;
        ProgrammeReport? report = null;
        if (await TrySubmitAsync("Report", async () => report = await reports.ReportAsync(Staff, Scope, From, To, cancellationToken)))
        {
            Report = report;
        }
    }

    /// <summary>People through the pipeline, as bars.</summary>
    public string PeopleChart() => Report is not { People: var p } ? "" : StageChart.Render(L["Report.People"],
    [
        (L["Report.Enrolled"], p.Enrolled), (L["Report.Assessed"], p.Assessed), (L["Report.InTraining"], p.InTraining),
        (L["Report.Trained"], p.Trained), (L["Report.Released"], p.Released), (L["Report.InMentoring"], p.InMentoring),
        (L["Report.Graduated"], p.Graduated), (L["Report.Withdrawn"], p.Withdrawn),
    ]);

    /// <summary>Follow-ups after release, as bars.</summary>
    public string FollowUpChart() => Report is not { FollowUps: var f } ? "" : StageChart.Render(L["Report.FollowUps"],
    [
        (L["Report.Due"], f.Due), (L["Report.DoneOnTime"], f.DoneOnTime), (L["Report.DoneLate"], f.DoneLate), (L["Report.Overdue"], f.Overdue),
    ]);

    /// <summary>People selling in each month, as bars.</summary>
    public string SellingChart() => Report is not { Marketing: var m } ? "" :
        StageChart.Render(L["Report.PeopleSellingByMonth"], [.. m.SalesByMonth.Select(s => (s.Month, s.PeopleWithSales))]);

    private static List<(string Code, string Name)> ScopesOf(StaffMember staff)
    {
        var national = staff.Role is StaffRole.Administrator or StaffRole.NationalCurator ||
            string.Equals(staff.OfficeCode, Offices.Ditjenpas, StringComparison.OrdinalIgnoreCase);
        var scopes = new List<(string Code, string Name)>();
        if (national)
        {
            scopes.Add((ProgrammeReportService.National, "Nasional"));
        }

        scopes.AddRange(Offices.Seed
            .Where(o => o.Kind == OfficeKind.Kanwil && (national || string.Equals(o.Code, staff.OfficeCode, StringComparison.OrdinalIgnoreCase)))
            .Select(o => (o.Code, o.Name)));
        scopes.AddRange(Offices.Seed
            .Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas
                && (national || (staff.Role == StaffRole.KanwilCoordinator ? AccessPolicy.CanView(staff, o.Code) : string.Equals(o.Code, staff.OfficeCode, StringComparison.OrdinalIgnoreCase))))
            .Select(o => (o.Code, o.Name)));
        return scopes;
    }
}

using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary><c>/kasus</c>: the people the staff member's offices hold, by office and stage.</summary>
internal sealed class IndexModel(CaseService cases) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public PipelineStage? Stage { get; set; }

    public IReadOnlyList<CaseSummaryResponse> Cases { get; private set; } = [];

    public IReadOnlyList<Office> VisibleOffices => [.. Offices.Seed.Where(o => o.Kind is not (OfficeKind.Kanwil or OfficeKind.Ditjenpas) && AccessPolicy.CanView(Staff, o.Code))];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cases = await cases.ListAsync(Staff, new CaseListQuery(Office, Stage?.ToString()), cancellationToken);
}

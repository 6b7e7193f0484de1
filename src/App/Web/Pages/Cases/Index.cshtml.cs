using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary>
/// <c>/kasus</c>: the people the staff member's offices hold, by office and stage, searched by name or registration number
/// (<c>?q=</c>), people whose programme ended left out unless asked (<c>?selesai=true</c>), <see cref="PageSize"/> a page (<c>?hal=2</c>).
/// </summary>
internal sealed class IndexModel(CaseService cases) : StaffPageModel
{
    /// <summary>People on one page.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public PipelineStage? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "selesai")]
    public bool IncludeClosed { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The people on this page.</summary>
    public IReadOnlyList<CaseSummaryResponse> Cases { get; private set; } = [];

    /// <summary>How many people the filters found in all.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Office> VisibleOffices => [.. Offices.Seed.Where(o => o.Kind is not (OfficeKind.Kanwil or OfficeKind.Ditjenpas) && AccessPolicy.CanView(Staff, o.Code))];

    /// <summary>The link to page <paramref name="number"/> with the same filters.</summary>
    public string PageLink(int number)
    {
        var query = new Dictionary<string, string?>
        {
            ["Office"] = Office, ["Stage"] = Stage?.ToString(), ["q"] = Search, ["selesai"] = IncludeClosed ? "true" : null,
            ["hal"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/kasus", query.Where(p => p.Value is not null));
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await cases.ListAsync(Staff, new CaseListQuery(Office, Stage?.ToString(), Search, IncludeClosed), cancellationToken);
        Total = all.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Cases = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}

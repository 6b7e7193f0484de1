using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Staff;

/// <summary>
/// <c>/kelola/staf</c>: the staff the signed-in administrator or Kanwil coordinator manages, filtered by office, role and state,
/// searched by name, username or e-mail (<c>?q=</c>), <see cref="PageSize"/> a page (<c>?hal=2</c>).
/// </summary>
internal sealed class IndexModel(StaffAdministration administration) : StaffPageModel
{
    /// <summary>Staff on one page.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many staff the filters found in all.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The link to page <paramref name="number"/> with the same filters.</summary>
    public string PageLink(int number) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/kelola/staf",
        new Dictionary<string, string?>
        {
            ["Office"] = Office, ["Role"] = Role?.ToString(), ["Active"] = Active?.ToString().ToLowerInvariant(), ["q"] = Search,
            ["hal"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public StaffRole? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    public IReadOnlyList<StaffAccount> Members { get; private set; } = [];

    /// <summary>The offices the filter offers: those whose staff the member may manage in some role.</summary>
    public IReadOnlyList<Office> ManagedOffices => [.. Offices.Seed.Where(o => Enum.GetValues<StaffRole>().Any(r => StaffAdministrationPolicy.CanManage(Staff, r, o.Code)))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IEnumerable<StaffAccount> all = await administration.ListAsync(Staff, Offices.Find(Office)?.Code, Role, Active, cancellationToken);
        if (Search?.Trim() is { Length: > 0 } search)
        {
            all = all.Where(m => m.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || m.Username.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (m.Email?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        var list = all.ToList();
        Total = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Members = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }
}

using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Staff;

/// <summary><c>/kelola/staf</c>: the staff the signed-in administrator or Kanwil coordinator manages, filtered by office, role and state.</summary>
internal sealed class IndexModel(StaffAdministration administration) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public StaffRole? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    public IReadOnlyList<StaffAccount> Members { get; private set; } = [];

    /// <summary>The offices the filter offers: those whose staff the member may manage in some role.</summary>
    public IReadOnlyList<Office> ManagedOffices => [.. Offices.Seed.Where(o => Enum.GetValues<StaffRole>().Any(r => StaffAdministrationPolicy.CanManage(Staff, r, o.Code)))];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = await administration.ListAsync(Staff, Offices.Find(Office)?.Code, Role, Active, cancellationToken);
}

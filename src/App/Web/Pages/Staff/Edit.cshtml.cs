using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Staff;

/// <summary>
/// <c>/kelola/staf/ubah</c>: adds a staff member, or with <c>?u={username}</c> changes one (the whole record) and shows
/// administrators the record's history.
/// </summary>
internal sealed class EditModel(StaffAdministration administration) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "u")]
    public string? ExistingUsername { get; set; }

    [BindProperty]
    public StaffForm Member { get; set; } = new();

    public IReadOnlyList<StaffChange> Changes { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(ExistingUsername);

    /// <summary>The offices the form offers: those whose staff the member may manage in some role.</summary>
    public IReadOnlyList<Office> ManagedOffices => [.. Offices.Seed.Where(o => Enum.GetValues<StaffRole>().Any(r => StaffAdministrationPolicy.CanManage(Staff, r, o.Code)))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            Member = new StaffForm { Active = true };
            return;
        }

        var account = await administration.GetAsync(Staff, ExistingUsername!, cancellationToken);
        Member = StaffForm.From(account);
        await LoadChangesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = Member.ToRequest();
        var saved = await TrySubmitAsync(nameof(Member), async () =>
        {
            if (IsNew)
            {
                await administration.AddAsync(Staff, request, cancellationToken);
            }
            else
            {
                await administration.ReplaceAsync(Staff, ExistingUsername!, request with { Username = ExistingUsername }, cancellationToken);
            }
        });
        if (saved)
        {
            return Redirect($"/kelola/staf?saved={(IsNew ? "StaffAdded" : "StaffChanged")}");
        }

        if (!IsNew)
        {
            await LoadChangesAsync(cancellationToken);
        }

        return Page();
    }

    private async Task LoadChangesAsync(CancellationToken cancellationToken)
    {
        if (Staff.Role == StaffRole.Administrator)
        {
            Changes = await administration.ChangesAsync(Staff, ExistingUsername!, cancellationToken);
        }
    }

    /// <summary>The form's fields.</summary>
    internal sealed class StaffForm
    {
        public string? Username { get; set; }
        public string? DisplayName { get; set; }
        public StaffRole? Role { get; set; }
        public string? OfficeCode { get; set; }
        public string? Supervisor { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public bool Active { get; set; }
        public string? Successor { get; set; }

        public static StaffForm From(StaffAccount account) => new()
        {
            Username = account.Username, DisplayName = account.DisplayName, Role = account.Role, OfficeCode = account.OfficeCode,
            Supervisor = account.Supervisor, Email = account.Email, Phone = account.Phone, Active = account.Active,
        };

        public StaffRequest ToRequest() =>
            new(Username, DisplayName, Role?.ToString(), OfficeCode, Supervisor, Email, Phone, Active, Successor);
    }
}

using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Http;
using PepFunctions.App.Marketing;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages;

/// <summary><c>/produk</c>: nominated <i>produk unggulan</i> awaiting curation, and the national curator's decision.</summary>
internal sealed class ProductsModel(ProductService products) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public CurationStatus Status { get; set; } = CurationStatus.Pending;

    [BindProperty]
    public CurateForm Curate { get; set; } = new();

    public IReadOnlyList<CurationItemResponse> Items { get; private set; } = [];

    public bool CanCurate => AccessPolicy.RolesAllowedTo(PipelineAction.CurateProduct).Contains(Staff.Role);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await products.QueueAsync(Staff, Status, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new CurationRequest(Curate.Decision, Curate.Reason);
        if (await TrySubmitAsync(nameof(Curate), async () => await products.CurateAsync(Staff, Curate.CaseId ?? "", Curate.ProductId ?? "", request, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken)))
        {
            return Redirect("/produk?saved=Curated");
        }

        Items = await products.QueueAsync(Staff, Status, cancellationToken);
        return Page();
    }
}

/// <summary>A curator's decision on one product.</summary>
internal sealed class CurateForm
{
    public string? CaseId { get; set; }

    public string? ProductId { get; set; }

    public CurationStatus? Decision { get; set; }

    public string? Reason { get; set; }
}

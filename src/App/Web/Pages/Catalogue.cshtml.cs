using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PepFunctions.App.Catalogue;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages;

/// <summary><c>/katalog</c>: the public catalogue of <i>produk unggulan</i>, for anyone, without signing in.</summary>
[IgnoreAntiforgeryToken]
internal sealed class CatalogueModel(CatalogueService catalogue, IOptions<CatalogueOptions> options) : StaffPageModel
{
    /// <summary>The province chosen, or null for every province.</summary>
    [BindProperty(SupportsGet = true, Name = CatalogueFunctions.ProvinceParameter)]
    public string? Province { get; set; }

    /// <summary>The category chosen, or null for every category.</summary>
    [BindProperty(SupportsGet = true, Name = CatalogueFunctions.CategoryParameter)]
    public ProductCategory? Category { get; set; }

    /// <summary>The provinces of the UPTs, for the filter.</summary>
    public IReadOnlyList<string> Provinces { get; } =
        [.. Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas).Select(o => o.Province).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The products shown.</summary>
    public IReadOnlyList<CatalogueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An unknown filter value shows every product rather than an error page: the filter form only offers known ones.
        var province = Provinces.FirstOrDefault(p => string.Equals(p, Province, StringComparison.OrdinalIgnoreCase));
        var category = ModelState.IsValid && Category is { } c && Enum.IsDefined(c) ? c : (ProductCategory?)null;
        (Province, Category) = (province, category);
        Items = await catalogue.ListAsync(new CatalogueFilter(province, category), cancellationToken);
        if (HttpContext.User.ToStaffMember() is null)
        {
            CatalogueCaching.AllowSharedCaching(Response, options.Value.CacheFor);
            Response.Headers.Vary = "Cookie, Accept-Language";
        }
        else
        {
            CatalogueCaching.Forbid(Response);
        }
    }
}

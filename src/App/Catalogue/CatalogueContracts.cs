using PepFunctions.Domain;

namespace PepFunctions.App.Catalogue;

/// <summary>One product in the public catalogue: what it is and where to order it, and nothing about who made it.</summary>
/// <param name="ProductId">The product's id (random or derived from a staff action's key; it identifies no one).</param>
/// <param name="Name">The product's name.</param>
/// <param name="Category">Its category.</param>
/// <param name="PriceRupiah">Its price.</param>
/// <param name="PhotoUrl">Where its photo is served publicly, or null when it has none.</param>
/// <param name="Seller">The UPT that sells it.</param>
public sealed record CatalogueItem(
    string ProductId, string Name, ProductCategory Category, long PriceRupiah, string? PhotoUrl, CatalogueSeller Seller);

/// <summary>The UPT that sells a catalogue product, and how to order from it.</summary>
/// <param name="OfficeCode">The office's code.</param>
/// <param name="OfficeName">The office's official name.</param>
/// <param name="Province">The office's province.</param>
/// <param name="HowToOrder">The office's ordering contact, when configured.</param>
public sealed record CatalogueSeller(string OfficeCode, string OfficeName, string Province, string? HowToOrder);

/// <summary>The catalogue's filters; each null means any.</summary>
/// <param name="Province">A province name as in <see cref="Provinces"/>.</param>
/// <param name="Category">A product category.</param>
public sealed record CatalogueFilter(string? Province, ProductCategory? Category)
{
    /// <summary>Whether <paramref name="item"/> passes the filter.</summary>
    public bool Matches(CatalogueItem item) =>
        (Province is null || string.Equals(item.Seller.Province, Province, StringComparison.OrdinalIgnoreCase)) &&
        (Category is null || item.Category == Category);
}

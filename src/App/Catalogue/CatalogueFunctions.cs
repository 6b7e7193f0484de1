using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;
using PepFunctions.App.Web;
using PepFunctions.Domain;

namespace PepFunctions.App.Catalogue;

/// <summary>
/// The public catalogue of <i>produk unggulan</i>: <c>/katalog</c> for people, <c>/api/catalogue</c> for programs, and the
/// products' photos. No sign-in; the answers are the same for everyone, so shared caches may keep them for
/// <see cref="CatalogueOptions.CacheFor"/>.
/// </summary>
public sealed class CatalogueFunctions(StaffApi api, CatalogueService catalogue, StaffPages pages, IOptions<CatalogueOptions> options)
{
    /// <summary>The query parameter that filters by province (a province name).</summary>
    public const string ProvinceParameter = "province";

    /// <summary>The query parameter that filters by category (a <see cref="ProductCategory"/> name).</summary>
    public const string CategoryParameter = "category";

    /// <summary>The curated products with their makers' consent to promotion, filtered by <c>province</c> and <c>category</c>.</summary>
    [Function("ListCatalogue")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/catalogue")] HttpRequest request) =>
        api.RunAnonymousAsync(request, async cancellationToken =>
        {
            var filter = FilterOf(request.Query);
            var items = await catalogue.ListAsync(filter, cancellationToken);
            CatalogueCaching.AllowSharedCaching(request.HttpContext.Response, options.Value.CacheFor);
            return TypedResults.Ok(items);
        });

    /// <summary>The photo of a catalogue product; 404 for a product the catalogue does not list.</summary>
    [Function("DownloadCataloguePhoto")]
    public Task<IActionResult> OpenPhotoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/catalogue/{productId}/photo")] HttpRequest request,
        string productId) =>
        api.RunAnonymousAsync(request, async cancellationToken =>
        {
            var photo = await catalogue.OpenPhotoAsync(productId, cancellationToken)
                ?? throw new NotFoundException("The catalogue has no photo of this product.");
            CatalogueCaching.AllowSharedCaching(request.HttpContext.Response, options.Value.CacheFor);
            return photo.ToResult();
        });

    /// <summary><c>/katalog</c>: the catalogue page.</summary>
    [Function("PageCatalogue")]
    public Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "katalog")] HttpRequest request) =>
        pages.RunAsync(request);

    private static CatalogueFilter FilterOf(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        string? province = query[ProvinceParameter];
        if (!string.IsNullOrWhiteSpace(province) && !Offices.Seed.Any(o => string.Equals(o.Province, province, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new(ProvinceParameter, "Unknown province; use a name such as 'Nusa Tenggara Timur'."));
        }

        ProductCategory? category = null;
        string? categoryText = query[CategoryParameter];
        if (!string.IsNullOrWhiteSpace(categoryText))
        {
            if (int.TryParse(categoryText, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ||
                !Enum.TryParse<ProductCategory>(categoryText, ignoreCase: true, out var parsed))
            {
                errors.Add(new(CategoryParameter, "Unknown category; use one of " + string.Join(", ", Enum.GetNames<ProductCategory>()) + "."));
            }
            else
            {
                category = parsed;
            }
        }

        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : new CatalogueFilter(string.IsNullOrWhiteSpace(province) ? null : province.Trim(), category);
    }
}

/// <summary>The catalogue's caching headers: public for anonymous answers, never for a signed-in member of staff's page.</summary>
internal static class CatalogueCaching
{
    /// <summary>Lets browsers and shared caches keep the answer for <paramref name="maxAge"/>.</summary>
    public static void AllowSharedCaching(HttpResponse response, TimeSpan maxAge) =>
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)maxAge.TotalSeconds}");

    /// <summary>Keeps the answer out of every cache (a page that shows who is signed in).</summary>
    public static void Forbid(HttpResponse response) => response.Headers.CacheControl = "private, no-store";
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>
/// The marketing JSON API: products, photos, nomination and curation of <i>produk unggulan</i> (flagship products),
/// exhibitions and sales channels, monthly sales. Every function needs a signed-in member of staff (<see cref="StaffApi"/>).
/// </summary>
public sealed class MarketingFunctions(StaffApi api, StaffActions actions, ProductService products, ShowcaseService showcases, SalesService sales)
{
    /// <summary>Adds a product the person makes.</summary>
    [Function("AddProduct")]
    public Task<IActionResult> AddProductAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/products")] HttpRequest request, string caseId) =>
        actions.With<ProductRequest>(request).RunOnceAsync(caseId,
            (staff, body, key, ct) => products.AddAsync(staff, caseId, body, key, ct),
            product => TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/products", product));

    /// <summary>The person's products.</summary>
    [Function("ListProducts")]
    public Task<IActionResult> ListProductsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/products")] HttpRequest request, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await products.ListAsync(staff, caseId, cancellationToken)));

    /// <summary>Uploads the product's photo (multipart field 'file': JPEG, PNG or WebP).</summary>
    [Function("UploadProductPhoto")]
    public Task<IActionResult> UploadPhotoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/products/{productId}/photo")] HttpRequest request,
        string caseId, string productId) =>
        api.RunAsync(request, (staff, cancellationToken) => FileUpload.SaveRequiredAsync(request, "photo",
            async upload => TypedResults.Ok(await products.UploadPhotoAsync(staff, caseId, productId, upload, cancellationToken)),
            cancellationToken));

    /// <summary>Downloads the product's photo.</summary>
    [Function("DownloadProductPhoto")]
    public Task<IActionResult> OpenPhotoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/products/{productId}/photo")] HttpRequest request,
        string caseId, string productId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            (await products.OpenPhotoAsync(staff, caseId, productId, cancellationToken)).ToResult());

    /// <summary>Nominates the product as produk unggulan; the same nomination sent again gets the product, not 409.</summary>
    /// <remarks>
    /// Not through the <see cref="ActionLog"/>: the product stores the action's key, and a nomination may be repeated once it is
    /// rejected, which a replayed answer for a content-derived key would swallow (see <see cref="ProductService.NominateAsync(StaffMember, string, string, string?, CancellationToken)"/>).
    /// </remarks>
    [Function("NominateProduct")]
    public Task<IActionResult> NominateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/products/{productId}/nomination")] HttpRequest request,
        string caseId, string productId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var key = await IdempotencyKeys.ForAsync(request, staff, cancellationToken);
            return TypedResults.Ok(await products.NominateAsync(staff, caseId, productId, key, cancellationToken));
        });

    /// <summary>A national curator approves or rejects a nominated product; the same decision sent again gets the product, not 409.</summary>
    /// <remarks>Not through the <see cref="ActionLog"/>, for the reason <see cref="NominateAsync"/> gives: the product stores the key.</remarks>
    [Function("CurateProduct")]
    public Task<IActionResult> CurateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/products/{productId}/curation")] HttpRequest request,
        string caseId, string productId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var key = await IdempotencyKeys.ForAsync(request, staff, cancellationToken);
            var body = await JsonBody.ReadAsync<CurationRequest>(request, cancellationToken);
            return TypedResults.Ok(await products.CurateAsync(staff, caseId, productId, body, key, cancellationToken));
        });

    /// <summary>Nominated products by ?status= (Pending by default) that the staff member sees.</summary>
    [Function("ListCurationQueue")]
    public Task<IActionResult> QueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/curation")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await products.QueueAsync(staff, ParseStatus(request.Query["status"]), cancellationToken)));

    /// <summary>Records an exhibition where the product was shown, or a channel it sells through.</summary>
    [Function("AddShowcase")]
    public Task<IActionResult> AddShowcaseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/products/{productId}/showcases")] HttpRequest request,
        string caseId, string productId) =>
        actions.With<ShowcaseRequest>(request).RunOnceAsync(caseId,
            (staff, body, key, ct) => showcases.AddAsync(staff, caseId, productId, body, key, ct),
            showcase => TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/showcases", showcase));

    /// <summary>The person's exhibitions and sales channels.</summary>
    [Function("ListShowcases")]
    public Task<IActionResult> ListShowcasesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/showcases")] HttpRequest request, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await showcases.ListAsync(staff, caseId, cancellationToken)));

    /// <summary>Records one month's sales (yyyy-MM) and tells the case's pipeline.</summary>
    [Function("RecordSales")]
    public Task<IActionResult> RecordSalesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/sales")] HttpRequest request, string caseId,
        [DurableClient] DurableTaskClient client) =>
        actions.With<SalesRequest>(request).RunOnceAsync(caseId,
            (staff, body, key, ct) => sales.RecordAsync(staff, caseId, body, key, client, ct),
            result => TypedResults.Ok(result));

    /// <summary>The person's monthly sales.</summary>
    [Function("ListSales")]
    public Task<IActionResult> ListSalesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/sales")] HttpRequest request, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await sales.ListAsync(staff, caseId, cancellationToken)));

    /// <summary>The <c>?status=</c> of the curators' queue; <see cref="CurationStatus.Pending"/> when it is not given.</summary>
    /// <exception cref="RequestValidationException">It names no <see cref="CurationStatus"/>.</exception>
    private static CurationStatus ParseStatus(string? status) =>
        string.IsNullOrEmpty(status) ? CurationStatus.Pending
        : Enum.TryParse<CurationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new RequestValidationException(nameof(status), $"'{status}' is not a curation status; use one of {string.Join(", ", Enum.GetNames<CurationStatus>())}.");
}

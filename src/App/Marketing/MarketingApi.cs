using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>The marketing JSON API: products, photos, nomination and curation of <i>produk unggulan</i>, monthly sales.</summary>
internal static class MarketingApi
{
    /// <summary>Adds <see cref="ProductService"/> and <see cref="SalesService"/>.</summary>
    public static WebApplicationBuilder AddMarketing(this WebApplicationBuilder builder)
    {
        builder.AddRecordStorage();
        builder.Services.AddSingleton<ProductService>();
        builder.Services.AddSingleton<ShowcaseService>();
        builder.Services.AddSingleton<SalesService>();
        return builder;
    }

    /// <summary>Maps the marketing endpoints; all need a signed-in member of staff.</summary>
    public static IEndpointRouteBuilder MapMarketingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Marketing")
            .RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>();
        api.MapPost("/cases/{caseId}/products", AddProductAsync).WithSummary("Adds a product the person makes.");
        api.MapGet("/cases/{caseId}/products", ListProductsAsync).WithSummary("The person's products.");
        api.MapPost("/cases/{caseId}/products/{productId}/photo", UploadPhotoAsync)
            .WithSummary("Uploads the product's photo (multipart field 'file': JPEG, PNG or WebP).")
            .DisableAntiforgery(); // JSON API client; the staff cookie is SameSite=Strict.
        api.MapGet("/cases/{caseId}/products/{productId}/photo", OpenPhotoAsync).WithSummary("Downloads the product's photo.");
        api.MapPost("/cases/{caseId}/products/{productId}/nomination", NominateAsync).WithSummary("Nominates the product as produk unggulan.");
        api.MapPost("/cases/{caseId}/products/{productId}/curation", CurateAsync).WithSummary("A national curator approves or rejects a nominated product.");
        api.MapGet("/curation", QueueAsync).WithSummary("Nominated products by ?status= (Pending by default) that the staff member sees.");
        api.MapPost("/cases/{caseId}/products/{productId}/showcases", AddShowcaseAsync)
            .WithSummary("Records an exhibition where the product was shown, or a channel it sells through.");
        api.MapGet("/cases/{caseId}/showcases", ListShowcasesAsync).WithSummary("The person's exhibitions and sales channels.");
        api.MapPost("/cases/{caseId}/sales", RecordSalesAsync).WithSummary("Records one month's sales (yyyy-MM) and tells the case's pipeline.");
        api.MapGet("/cases/{caseId}/sales", ListSalesAsync).WithSummary("The person's monthly sales.");
        return app;
    }

    private static async Task<Created<ProductResponse>> AddProductAsync(
        string caseId, ProductRequest request, ProductService products, HttpContext http, CancellationToken cancellationToken)
    {
        var product = await products.AddAsync(http.Staff(), caseId, request, cancellationToken);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/products", product);
    }

    private static async Task<Created<ShowcaseResponse>> AddShowcaseAsync(
        string caseId, string productId, ShowcaseRequest request, ShowcaseService showcases, HttpContext http, CancellationToken cancellationToken)
    {
        var showcase = await showcases.AddAsync(http.Staff(), caseId, productId, request, cancellationToken);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/showcases", showcase);
    }

    private static async Task<Ok<IReadOnlyList<ShowcaseResponse>>> ListShowcasesAsync(
        string caseId, ShowcaseService showcases, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await showcases.ListAsync(http.Staff(), caseId, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ProductResponse>>> ListProductsAsync(
        string caseId, ProductService products, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await products.ListAsync(http.Staff(), caseId, cancellationToken));

    private static async Task<Ok<ProductResponse>> UploadPhotoAsync(
        string caseId, string productId, IFormFile? file, ProductService products, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await products.UploadPhotoAsync(http.Staff(), caseId, productId, FileUpload.Required(file, "photo"), cancellationToken));

    private static async Task<FileStreamHttpResult> OpenPhotoAsync(
        string caseId, string productId, ProductService products, HttpContext http, CancellationToken cancellationToken) =>
        (await products.OpenPhotoAsync(http.Staff(), caseId, productId, cancellationToken)).ToResult();

    private static async Task<Ok<ProductResponse>> NominateAsync(
        string caseId, string productId, ProductService products, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await products.NominateAsync(http.Staff(), caseId, productId, cancellationToken));

    private static async Task<Ok<ProductResponse>> CurateAsync(
        string caseId, string productId, CurationRequest request, ProductService products, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await products.CurateAsync(http.Staff(), caseId, productId, request, cancellationToken));

    private static async Task<Ok<IReadOnlyList<CurationItemResponse>>> QueueAsync(
        CurationStatus? status, ProductService products, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await products.QueueAsync(http.Staff(), status ?? CurationStatus.Pending, cancellationToken));

    private static async Task<Ok<SalesResponse>> RecordSalesAsync(
        string caseId, SalesRequest request, SalesService sales, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sales.RecordAsync(http.Staff(), caseId, request, cancellationToken));

    private static async Task<Ok<IReadOnlyList<SalesResponse>>> ListSalesAsync(
        string caseId, SalesService sales, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sales.ListAsync(http.Staff(), caseId, cancellationToken));
}

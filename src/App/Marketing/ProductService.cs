using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>
/// Products people make, their photos, and <i>produk unggulan</i> (flagship products): a UPT or Kanwil nominates a
/// product, national curators approve or reject it.
/// </summary>
/// <remarks>
/// A nominated product also has a row in <c>ProductsForCuration</c> under its curation status, so the curators'
/// queue is one partition. The product row is the truth: it changes first (with its ETag), then the queue row
/// moves to the new status's partition.
/// </remarks>
public sealed partial class ProductService(
    HubStorage storage, CaseOffices cases, CaseConsents consents, FileStore files, CaseTimeline timeline, TimeProvider time, ILogger<ProductService> logger,
    ReadAudit reads)
{
    /// <summary>The longest reason a curator gives.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Adds a product a person makes, with a new random product id.</summary>
    public Task<ProductResponse> AddAsync(StaffMember staff, string caseId, ProductRequest request, CancellationToken cancellationToken) =>
        AddAsync(staff, caseId, request, actionKey: null, cancellationToken);

    /// <summary>Adds a product a person makes.</summary>
    /// <param name="staff">Who adds it.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="request">The product.</param>
    /// <param name="actionKey">The action's idempotency key: the product id is derived from it, so a retry after a crash finds the
    /// product the first attempt wrote; null for a random id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ProductResponse> AddAsync(
        StaffMember staff, string caseId, ProductRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var product = new Product(
            "prd-" + (actionKey is null ? RandomNumberGenerator.GetHexString(12, lowercase: true) : StableIds.From(actionKey, 12)), request.Name?.Trim() ?? "", request.Category ?? default,
            request.Description?.Trim() ?? "", request.PriceRupiah ?? 0);
        var errors = product.Validate().ToList();
        if (request.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add(new(nameof(Product.Category), "Choose the product's category."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await cases.RequireAsync(staff, PipelineAction.AddProduct, caseId, cancellationToken);
        var row = new ProductEntity
        {
            PartitionKey = caseId,
            RowKey = product.ProductId,
            Name = product.Name,
            Category = product.Category.ToString(),
            Description = product.Description,
            PriceRupiah = product.PriceRupiah,
            CreatedBy = staff.Username,
            CreatedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            logger.LogInformation("Product {ProductId} of case {CaseId} added by {Username}", row.RowKey, caseId, staff.Username);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // Written by this same action before a crash, or by its twin racing: finish with its timeline entry.
            row = (await table.GetEntityAsync<ProductEntity>(caseId, row.RowKey, cancellationToken: cancellationToken)).Value;
        }

        await timeline.AppendActionAsync(caseId, row.CreatedAt, row.CreatedBy, TimelineAction.ProductAdded,
            TimelineDetail.ProductAdded(row.RowKey, Enum.Parse<ProductCategory>(row.Category), row.PriceRupiah), actionKey ?? row.RowKey, cancellationToken);
        return ProductResponse.From(row);
    }

    /// <summary>The person's products.</summary>
    public async Task<IReadOnlyList<ProductResponse>> ListAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        var table = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        var products = new List<ProductResponse>();
        await foreach (var row in table.QueryAsync<ProductEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            products.Add(ProductResponse.From(row));
        }

        return products;
    }

    /// <summary>Stores the product's photo (JPEG, PNG or WebP), replacing an earlier one.</summary>
    public async Task<ProductResponse> UploadPhotoAsync(StaffMember staff, string caseId, string productId, FileUpload upload, CancellationToken cancellationToken)
    {
        await cases.RequireAsync(staff, PipelineAction.AddProduct, caseId, cancellationToken);
        var (table, row) = await RequireProductAsync(caseId, productId, cancellationToken);
        var saved = await files.SaveAsync(PhotoBlob(caseId, productId), upload, FileType.Photo, "file", cancellationToken);
        row.PhotoContentType = saved.ContentType;
        await ReplaceAsync(table, row, cancellationToken);
        // Keyed by the content: the same photo sent again (a retry) is one entry.
        await timeline.AppendActionAsync(caseId, time.GetUtcNow(), staff.Username, TimelineAction.ProductPhotoUploaded,
            TimelineDetail.ProductPhotoUploaded(productId), $"{productId}|{saved.ContentHash}", cancellationToken);
        return ProductResponse.From(row);
    }

    /// <summary>The product's photo, for staff who may see the person's case, and for a national curator once the product is nominated.</summary>
    public async Task<StoredFile> OpenPhotoAsync(StaffMember staff, string caseId, string productId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.Role == StaffRole.NationalCurator)
        {
            await cases.RequireCurationAsync(staff, caseId, cancellationToken);
            var (_, product) = await RequireProductAsync(caseId, productId, cancellationToken);
            if (product.CurationStatus is null)
            {
                throw new NotFoundException($"Product '{productId}' of case '{caseId}' has not been nominated.");
            }
        }
        else
        {
            await cases.RequireViewAsync(staff, caseId, cancellationToken);
        }

        await reads.CaseReadAsync(staff.Username, PersonalDataRead.FileDownload, caseId, PhotoBlob(caseId, productId), cancellationToken);
        return await files.OpenAsync(PhotoBlob(caseId, productId), cancellationToken)
            ?? throw new NotFoundException($"Product '{productId}' of case '{caseId}' has no photo.");
    }

    /// <summary>The blob name of a product's photo.</summary>
    internal static string PhotoBlob(string caseId, string productId) => $"{caseId}/products/{productId}/photo";

    private async Task<(TableClient Table, ProductEntity Row)> RequireProductAsync(string caseId, string productId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ProductEntity>(caseId, productId, cancellationToken: cancellationToken);
        return row.HasValue ? (table, row.Value!) : throw new NotFoundException($"Case '{caseId}' has no product '{productId}'.");
    }

    private static async Task ReplaceAsync(TableClient table, ProductEntity row, CancellationToken cancellationToken)
    {
        if (!await TryReplaceAsync(table, row, cancellationToken))
        {
            throw Concurrent(row.RowKey);
        }
    }

    /// <summary>Replaces the row if it is unchanged since it was read (its ETag); false when it was changed meanwhile.</summary>
    private static async Task<bool> TryReplaceAsync(TableClient table, ProductEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
        {
            return false;
        }
    }

    private static ConflictException Concurrent(string productId) =>
        new($"Product '{productId}' was changed by someone else at the same moment; load it again.");
}

using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
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
internal sealed class ProductService(HubStorage storage, CaseOffices cases, FileStore files, TimeProvider time, ILogger<ProductService> logger)
{
    /// <summary>Adds a product a person makes.</summary>
    public async Task<ProductResponse> AddAsync(StaffMember staff, string caseId, ProductRequest request, CancellationToken cancellationToken)
    {
        var product = new Product(
            "prd-" + RandomNumberGenerator.GetHexString(12, lowercase: true), request.Name?.Trim() ?? "", request.Category ?? default,
            request.Description?.Trim() ?? "", request.PriceRupiah ?? 0);
        var errors = product.Validate().ToList();
        if (request.Category is null)
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
        await table.AddEntityAsync(row, cancellationToken);
        logger.LogInformation("Product {ProductId} of case {CaseId} added by {Username}", row.RowKey, caseId, staff.Username);
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
        row.PhotoContentType = await files.SaveAsync(PhotoBlob(caseId, productId), upload, FileType.Photo, "file", cancellationToken);
        await ReplaceAsync(table, row, cancellationToken);
        return ProductResponse.From(row);
    }

    /// <summary>The product's photo, for staff who may see the person's case.</summary>
    public async Task<StoredFile> OpenPhotoAsync(StaffMember staff, string caseId, string productId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        return await files.OpenAsync(PhotoBlob(caseId, productId), cancellationToken)
            ?? throw new NotFoundException($"Product '{productId}' of case '{caseId}' has no photo.");
    }

    /// <summary>Nominates the product as the office's <i>produk unggulan</i>; a rejected product may be nominated again.</summary>
    public async Task<ProductResponse> NominateAsync(StaffMember staff, string caseId, string productId, CancellationToken cancellationToken)
    {
        var office = await cases.RequireAsync(staff, PipelineAction.NominateProduct, caseId, cancellationToken);
        var (table, row) = await RequireProductAsync(caseId, productId, cancellationToken);
        var previous = row.CurationStatus;
        if (previous is nameof(CurationStatus.Pending) or nameof(CurationStatus.Approved))
        {
            throw new ConflictException($"The product is already nominated ({previous}).");
        }

        row.CurationStatus = nameof(CurationStatus.Pending);
        row.NominatedBy = staff.Username;
        row.NominatedAt = time.GetUtcNow();
        row.DecidedBy = null;
        row.DecidedAt = null;
        row.DecisionReason = null;
        await ReplaceAsync(table, row, cancellationToken);
        await MoveInQueueAsync(row, office, previous, cancellationToken);
        logger.LogInformation("Product {ProductId} of case {CaseId} nominated by {Username}", productId, caseId, staff.Username);
        return ProductResponse.From(row);
    }

    /// <summary>A national curator approves or rejects a nominated product.</summary>
    public async Task<ProductResponse> CurateAsync(
        StaffMember staff, string caseId, string productId, CurationRequest request, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (request.Decision is not (CurationStatus.Approved or CurationStatus.Rejected))
        {
            throw new RequestValidationException(nameof(request.Decision), "The decision is Approved or Rejected.");
        }

        var office = await cases.RequireAsync(staff, PipelineAction.CurateProduct, caseId, cancellationToken);
        var now = time.GetUtcNow();
        var decision = request.Decision == CurationStatus.Approved
            ? CurationDecision.Approve(staff.Username, now, reason)
            : CurationDecision.Reject(staff.Username, now, reason ?? throw new RequestValidationException(nameof(request.Reason),
                "Give the reason for the rejection, so the office knows what to improve."));
        var (table, row) = await RequireProductAsync(caseId, productId, cancellationToken);
        if (row.CurationStatus != nameof(CurationStatus.Pending))
        {
            throw new ConflictException(row.CurationStatus is null
                ? "The product has not been nominated; only nominated products are curated."
                : $"The product was already curated ({row.CurationStatus}).");
        }

        row.CurationStatus = decision.Status.ToString();
        row.DecidedBy = decision.DecidedBy;
        row.DecidedAt = decision.DecidedAt;
        row.DecisionReason = decision.Reason;
        await ReplaceAsync(table, row, cancellationToken);
        await MoveInQueueAsync(row, office, nameof(CurationStatus.Pending), cancellationToken);
        logger.LogInformation("Product {ProductId} of case {CaseId} curated {Decision} by {Username}", productId, caseId, decision.Status, staff.Username);
        return ProductResponse.From(row);
    }

    /// <summary>The nominated products in <paramref name="status"/> that the staff member sees (a Kanwil: its province), oldest first.</summary>
    public async Task<IReadOnlyList<CurationItemResponse>> QueueAsync(StaffMember staff, CurationStatus status, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(MarketingTables.ProductsForCuration, cancellationToken);
        var items = new List<CurationItemResponse>();
        var partition = status.ToString();
        await foreach (var row in table.QueryAsync<CurationQueueEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (AccessPolicy.CanView(staff, row.OfficeCode))
            {
                items.Add(CurationItemResponse.From(row));
            }
        }

        return [.. items.OrderBy(item => item.NominatedAt)];
    }

    private static string PhotoBlob(string caseId, string productId) => $"{caseId}/products/{productId}/photo";

    private async Task<(TableClient Table, ProductEntity Row)> RequireProductAsync(string caseId, string productId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ProductEntity>(caseId, productId, cancellationToken: cancellationToken);
        return row.HasValue ? (table, row.Value!) : throw new NotFoundException($"Case '{caseId}' has no product '{productId}'.");
    }

    private static async Task ReplaceAsync(TableClient table, ProductEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
        {
            throw new ConflictException($"Product '{row.RowKey}' was changed by someone else at the same moment; load it again.");
        }
    }

    /// <summary>Writes the product's queue row under its new status, then removes the one under <paramref name="previousStatus"/>.</summary>
    private async Task MoveInQueueAsync(ProductEntity row, string office, string? previousStatus, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(MarketingTables.ProductsForCuration, cancellationToken);
        var key = CurationQueueEntity.KeyOf(row.PartitionKey, row.RowKey);
        await table.UpsertEntityAsync(new CurationQueueEntity
        {
            PartitionKey = row.CurationStatus!,
            RowKey = key,
            OfficeCode = office,
            Province = Offices.Find(office)?.Province ?? "",
            Name = row.Name,
            Category = row.Category,
            PriceRupiah = row.PriceRupiah,
            NominatedAt = row.NominatedAt ?? time.GetUtcNow(),
            NominatedBy = row.NominatedBy ?? "",
            DecidedBy = row.DecidedBy,
            DecidedAt = row.DecidedAt,
            DecisionReason = row.DecisionReason,
        }, TableUpdateMode.Replace, cancellationToken);
        if (previousStatus is not null && previousStatus != row.CurationStatus)
        {
            await table.DeleteEntityAsync(previousStatus, key, ETag.All, cancellationToken);
        }
    }
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Marketing;
using PepFunctions.Domain;

namespace PepFunctions.App.Catalogue;

/// <summary>
/// The national catalogue: every product curated as <i>produk unggulan</i> (a flagship product) whose maker consented
/// to its promotion, for anyone to see and order through the UPT that sells it.
/// </summary>
/// <remarks>
/// The catalogue is read, not kept: the curators' queue holds the approved products (one partition), and each maker's
/// consent is read from their record at the time of reading. A product whose maker withdraws
/// <see cref="ConsentPurpose.ProductPromotion"/>, or whose record is erased, is gone at the next reading. One reading
/// serves every visitor for <see cref="CatalogueOptions.CacheFor"/>. Nothing about the maker leaves this class: no
/// name, NIK, registration number or case id.
/// </remarks>
public sealed class CatalogueService(HubStorage storage, FileStore files, IOptions<CatalogueOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private Reading? _last;

    /// <summary>The products that pass <paramref name="filter"/>, by category and name.</summary>
    public async Task<IReadOnlyList<CatalogueItem>> ListAsync(CatalogueFilter filter, CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).Items.Where(filter.Matches).ToList();

    /// <summary>The photo of catalogue product <paramref name="productId"/>, or null when the catalogue has no such product or it has no photo.</summary>
    public async Task<StoredFile?> OpenPhotoAsync(string productId, CancellationToken cancellationToken)
    {
        var reading = await ReadAsync(cancellationToken);
        return reading.Makers.TryGetValue(productId, out var caseId) && reading.Items.Any(i => i.ProductId == productId && i.PhotoUrl is not null)
            ? await files.OpenAsync(ProductService.PhotoBlob(caseId, productId), cancellationToken)
            : null;
    }

    private async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        if (_last is { } fresh && !IsStale(fresh))
        {
            return fresh;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } readMeanwhile && !IsStale(readMeanwhile))
            {
                return readMeanwhile;
            }

            _last = await ReadNowAsync(cancellationToken);
            return _last;
        }
        finally
        {
            _reading.Release();
        }
    }

    private bool IsStale(Reading reading) => time.GetUtcNow() - reading.At >= options.Value.CacheFor;

    private async Task<Reading> ReadNowAsync(CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var queue = await storage.TableAsync(MarketingTables.ProductsForCuration, cancellationToken);
        var approved = new List<CurationQueueEntity>();
        await foreach (var row in queue.QueryAsync<CurationQueueEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {nameof(CurationStatus.Approved)}"), cancellationToken: cancellationToken))
        {
            approved.Add(row);
        }

        var items = new List<CatalogueItem>();
        var makers = new Dictionary<string, string>(StringComparer.Ordinal);
        var consents = new Dictionary<string, bool>(StringComparer.Ordinal);
        var records = await storage.TableAsync(CaseTables.Cases, cancellationToken);
        var products = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        foreach (var row in approved)
        {
            var (caseId, productId) = row.Keys();
            if (!consents.TryGetValue(caseId, out var promotes))
            {
                promotes = consents[caseId] = await ConsentsToPromotionAsync(records, caseId, cancellationToken);
            }

            var product = promotes ? await FindApprovedAsync(products, caseId, productId, cancellationToken) : null;
            if (product is null || !Enum.TryParse<ProductCategory>(product.Category, out var category))
            {
                continue;
            }

            makers[productId] = caseId;
            items.Add(new CatalogueItem(
                productId, product.Name, category, product.PriceRupiah,
                product.PhotoContentType is null ? null : $"/api/catalogue/{productId}/photo",
                SellerOf(row.OfficeCode)));
        }

        return new Reading(at, [.. items.OrderBy(i => i.Category).ThenBy(i => i.Name, StringComparer.CurrentCulture)], makers);
    }

    private CatalogueSeller SellerOf(string officeCode)
    {
        var office = Offices.Find(officeCode);
        return new CatalogueSeller(
            officeCode, office?.Name ?? officeCode, office?.Province ?? "",
            options.Value.OrderContacts.GetValueOrDefault(officeCode));
    }

    private static async Task<bool> ConsentsToPromotionAsync(TableClient records, string caseId, CancellationToken cancellationToken)
    {
        var record = await records.GetEntityIfExistsAsync<TableEntity>(
            caseId, caseId, select: [nameof(CaseEntity.ConsentJson)], cancellationToken: cancellationToken);
        return record.HasValue &&
            record.Value!.GetString(nameof(CaseEntity.ConsentJson)) is { Length: > 0 } json &&
            RecordJson.Deserialize<Consent>(json)?.Covers(ConsentPurpose.ProductPromotion) == true;
    }

    // The queue row is written after the product row; the product row is the truth (a later nomination resets it).
    private static async Task<ProductEntity?> FindApprovedAsync(TableClient products, string caseId, string productId, CancellationToken cancellationToken)
    {
        try
        {
            var product = (await products.GetEntityAsync<ProductEntity>(caseId, productId, cancellationToken: cancellationToken)).Value;
            return product.CurationStatus == nameof(CurationStatus.Approved) ? product : null;
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private sealed record Reading(DateTimeOffset At, IReadOnlyList<CatalogueItem> Items, IReadOnlyDictionary<string, string> Makers);
}

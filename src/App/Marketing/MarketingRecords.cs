using Azure;
using Azure.Data.Tables;

namespace PepFunctions.App.Marketing;

/// <summary>The marketing tables' names after the hub prefix.</summary>
internal static class MarketingTables
{
    /// <summary>PartitionKey = case id, RowKey = product id.</summary>
    public const string Products = "Products";

    /// <summary>PartitionKey = curation status (Pending, Approved, Rejected), RowKey = <c>caseId|productId</c>: the curators' queue.</summary>
    public const string ProductsForCuration = "ProductsForCuration";

    /// <summary>PartitionKey = case id, RowKey = <c>yyyy-MM</c>, property <c>SalesRupiah</c> (long); the pipeline's CheckGraduation reads it.</summary>
    public const string Sales = "Sales";
}

/// <summary>A row of <c>Products</c>.</summary>
internal sealed class ProductEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The product id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    /// <summary>A <see cref="Domain.ProductCategory"/> name.</summary>
    public string Category { get; set; } = "";

    public string Description { get; set; } = "";

    public long PriceRupiah { get; set; }

    /// <summary>The photo's content type; null until one is uploaded.</summary>
    public string? PhotoContentType { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A <see cref="Domain.CurationStatus"/> name once nominated as <i>produk unggulan</i>; null before.</summary>
    public string? CurationStatus { get; set; }

    public string? NominatedBy { get; set; }

    public DateTimeOffset? NominatedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>The idempotency key of the action that made the latest nomination, so its retry is recognised.</summary>
    public string? NominationKey { get; set; }

    /// <summary>The idempotency key of the action that curated the latest nomination; cleared when the product is nominated again.</summary>
    public string? CurationKey { get; set; }
}

/// <summary>A row of <c>ProductsForCuration</c>: a nominated product in the queue of its status.</summary>
internal sealed class CurationQueueEntity : ITableEntity
{
    /// <summary>The curation status.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary><c>caseId|productId</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The office that nominated it (the case's office then).</summary>
    public string OfficeCode { get; set; } = "";

    public string Province { get; set; } = "";

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public long PriceRupiah { get; set; }

    public DateTimeOffset NominatedAt { get; set; }

    public string NominatedBy { get; set; } = "";

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    public static string KeyOf(string caseId, string productId) => caseId + "|" + productId;

    public (string CaseId, string ProductId) Keys()
    {
        var separator = RowKey.LastIndexOf('|');
        return (RowKey[..separator], RowKey[(separator + 1)..]);
    }
}

/// <summary>A row of <c>Sales</c>: one calendar month of a person's business.</summary>
internal sealed class SalesEntity : ITableEntity
{
    /// <summary>The case id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>The month, <c>yyyy-MM</c>.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public long SalesRupiah { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>Adds a product a person makes.</summary>
public sealed record ProductRequest(string? Name, ProductCategory? Category, string? Description, long? PriceRupiah);

/// <summary>A curator's decision: <see cref="CurationStatus.Approved"/> or <see cref="CurationStatus.Rejected"/> (with a reason).</summary>
public sealed record CurationRequest(CurationStatus? Decision, string? Reason);

/// <summary>What the business sold in one month; recording a month again replaces it.</summary>
public sealed record SalesRequest(string? Month, long? SalesRupiah);

/// <summary>A product.</summary>
public sealed record ProductResponse(
    string ProductId, string CaseId, string Name, ProductCategory Category, string Description, long PriceRupiah, string Price,
    bool HasPhoto, CurationStatus? Curation, string? NominatedBy, DateTimeOffset? NominatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    internal static ProductResponse From(ProductEntity row) => new(
        row.RowKey, row.PartitionKey, row.Name, Enum.Parse<ProductCategory>(row.Category), row.Description, row.PriceRupiah,
        Rupiah.Format(row.PriceRupiah), row.PhotoContentType is not null,
        row.CurationStatus is null ? null : Enum.Parse<CurationStatus>(row.CurationStatus),
        row.NominatedBy, row.NominatedAt, row.DecidedBy, row.DecidedAt, row.DecisionReason);
}

/// <summary>A product in the curators' queue.</summary>
public sealed record CurationItemResponse(
    string CaseId, string ProductId, string Name, ProductCategory Category, long PriceRupiah, string OfficeCode, string Province,
    CurationStatus Status, string NominatedBy, DateTimeOffset NominatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    internal static CurationItemResponse From(CurationQueueEntity row)
    {
        var (caseId, productId) = row.Keys();
        return new(caseId, productId, row.Name, Enum.Parse<ProductCategory>(row.Category), row.PriceRupiah, row.OfficeCode, row.Province,
            Enum.Parse<CurationStatus>(row.PartitionKey), row.NominatedBy, row.NominatedAt, row.DecidedBy, row.DecidedAt, row.DecisionReason);
    }
}

/// <summary>One month of sales.</summary>
public sealed record SalesResponse(string Month, long SalesRupiah, string Sales, string RecordedBy, DateTimeOffset RecordedAt)
{
    internal static SalesResponse From(SalesEntity row) => new(row.RowKey, row.SalesRupiah, Rupiah.Format(row.SalesRupiah), row.RecordedBy, row.RecordedAt);
}

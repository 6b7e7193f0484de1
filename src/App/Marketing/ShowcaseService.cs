using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>Where a product is shown or sold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShowcaseKind>))]
internal enum ShowcaseKind
{
    /// <summary>An exhibition or festival (e.g. a provincial UMKM festival, a national show of inmates' products).</summary>
    Exhibition,

    /// <summary>A sales channel: a shop, a cooperative, an online marketplace, a UMKM outlet.</summary>
    SalesChannel,
}

/// <summary>Records an exhibition or a sales channel for a product.</summary>
internal sealed record ShowcaseRequest(ShowcaseKind? Kind, string? Name, DateOnly? Date, string? Place);

/// <summary>An exhibition or sales channel of a product.</summary>
internal sealed record ShowcaseResponse(string ShowcaseId, string ProductId, ShowcaseKind Kind, string Name, DateOnly? Date, string? Place, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A row of <c>ProductShowcases</c>: PartitionKey = case id, RowKey = <c>productId|showcaseId</c>.</summary>
internal sealed class ShowcaseEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The exhibition's date, <c>yyyy-MM-dd</c>.</summary>
    public string? Date { get; set; }

    public string? Place { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public ShowcaseResponse ToResponse()
    {
        var ids = RowKey.Split('|');
        return new(ids[1], ids[0], Enum.Parse<ShowcaseKind>(Kind), Name, Date is null ? null : DateOnly.Parse(Date, System.Globalization.CultureInfo.InvariantCulture), Place, RecordedBy, RecordedAt);
    }
}

/// <summary>Exhibitions where a person's products were shown and the channels they sell through.</summary>
internal sealed class ShowcaseService(HubStorage storage, CaseOffices cases, TimeProvider time, ILogger<ShowcaseService> logger)
{
    public const string Table = "ProductShowcases";
    private const int MaxText = 120;

    public async Task<ShowcaseResponse> AddAsync(StaffMember staff, string caseId, string productId, ShowcaseRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await cases.RequireAsync(staff, PipelineAction.AddProduct, caseId, cancellationToken);
        var products = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        if (!(await products.GetEntityIfExistsAsync<ProductEntity>(caseId, productId, ["RowKey"], cancellationToken)).HasValue)
        {
            throw new NotFoundException($"Case '{caseId}' has no product '{productId}'.");
        }

        var row = new ShowcaseEntity
        {
            PartitionKey = caseId,
            RowKey = $"{productId}|shw-{RandomNumberGenerator.GetHexString(10, lowercase: true)}",
            Kind = request.Kind!.Value.ToString(),
            Name = request.Name!.Trim(),
            Date = request.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(),
            RecordedBy = staff.Username,
            RecordedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(Table, cancellationToken);
        await table.AddEntityAsync(row, cancellationToken);
        logger.LogInformation("{Kind} recorded for product {ProductId} of case {CaseId} by {Username}", row.Kind, productId, caseId, staff.Username);
        return row.ToResponse();
    }

    /// <summary>The person's exhibitions and sales channels, by product.</summary>
    public async Task<IReadOnlyList<ShowcaseResponse>> ListAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        var table = await storage.TableAsync(Table, cancellationToken);
        var showcases = new List<ShowcaseResponse>();
        await foreach (var row in table.QueryAsync<ShowcaseEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            showcases.Add(row.ToResponse());
        }

        return showcases;
    }

    private static List<FieldError> Validate(ShowcaseRequest request)
    {
        var errors = new List<FieldError>();
        if (request.Kind is null)
        {
            errors.Add(new("Kind", "Choose Exhibition or SalesChannel."));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxText)
        {
            errors.Add(new("Name", $"The name is required, at most {MaxText} characters."));
        }

        if (request.Kind == ShowcaseKind.Exhibition && request.Date is null)
        {
            errors.Add(new("Date", "An exhibition needs its date."));
        }

        if (request.Place is { Length: > MaxText })
        {
            errors.Add(new("Place", $"The place is at most {MaxText} characters."));
        }

        return errors;
    }
}

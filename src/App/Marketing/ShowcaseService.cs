using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>Where a product is shown or sold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShowcaseKind>))]
public enum ShowcaseKind
{
    /// <summary>An exhibition or festival (e.g. a provincial UMKM festival, a national show of inmates' products).</summary>
    Exhibition,

    /// <summary>A sales channel: a shop, a cooperative, an online marketplace, a UMKM outlet.</summary>
    SalesChannel,
}

/// <summary>Records an exhibition or a sales channel for a product.</summary>
public sealed record ShowcaseRequest(ShowcaseKind? Kind, string? Name, DateOnly? Date, string? Place);

/// <summary>An exhibition or sales channel of a product.</summary>
public sealed record ShowcaseResponse(string ShowcaseId, string ProductId, ShowcaseKind Kind, string Name, DateOnly? Date, string? Place, string RecordedBy, DateTimeOffset RecordedAt);

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
public sealed class ShowcaseService(HubStorage storage, CaseOffices cases, CaseConsents consents, CaseTimeline timeline, TimeProvider time, ILogger<ShowcaseService> logger)
{
    /// <summary>The showcases table's name after the hub prefix.</summary>
    public const string Table = "ProductShowcases";
    private const int MaxText = 120;

    /// <summary>Records an exhibition where one of the person's products was shown, or a channel it sells through.</summary>
    public Task<ShowcaseResponse> AddAsync(StaffMember staff, string caseId, string productId, ShowcaseRequest request, CancellationToken cancellationToken) =>
        AddAsync(staff, caseId, productId, request, actionKey: null, cancellationToken);

    /// <summary>
    /// Records an exhibition or sales channel; its id is derived from <paramref name="actionKey"/> (random when null), so a retry
    /// writes the same row and the same timeline entry (<see cref="TimelineAction.ShowcaseAdded"/>).
    /// </summary>
    public async Task<ShowcaseResponse> AddAsync(
        StaffMember staff, string caseId, string productId, ShowcaseRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await cases.RequireAsync(staff, PipelineAction.AddProduct, caseId, cancellationToken);
        await consents.RequireAsync(caseId, ConsentPurpose.ProductPromotion, cancellationToken);
        var products = await storage.TableAsync(MarketingTables.Products, cancellationToken);
        if (!(await products.GetEntityIfExistsAsync<ProductEntity>(caseId, productId, ["RowKey"], cancellationToken)).HasValue)
        {
            throw new NotFoundException($"Case '{caseId}' has no product '{productId}'.");
        }

        var row = new ShowcaseEntity
        {
            PartitionKey = caseId,
            RowKey = $"{productId}|shw-{(actionKey is null ? RandomNumberGenerator.GetHexString(10, lowercase: true) : StableIds.From(actionKey, 10))}",
            Kind = request.Kind!.Value.ToString(),
            Name = request.Name!.Trim(),
            Date = request.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(),
            RecordedBy = staff.Username,
            RecordedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(Table, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            logger.LogInformation("{Kind} recorded for product {ProductId} of case {CaseId} by {Username}", row.Kind, productId, caseId, staff.Username);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
        {
            // Written by this same action before a crash, or by its twin racing: finish with its timeline entry.
            row = (await table.GetEntityAsync<ShowcaseEntity>(caseId, row.RowKey, cancellationToken: cancellationToken)).Value;
        }

        var showcase = row.ToResponse();
        await timeline.AppendActionAsync(caseId, row.RecordedAt, row.RecordedBy, TimelineAction.ShowcaseAdded,
            TimelineDetail.ShowcaseAdded(productId, showcase.ShowcaseId, row.Kind, showcase.Date), actionKey ?? row.RowKey, cancellationToken);
        return showcase;
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

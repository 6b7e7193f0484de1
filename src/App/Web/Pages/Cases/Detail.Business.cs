using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Capital;
using PepFunctions.App.Files;
using PepFunctions.App.Marketing;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

// Capital and marketing on the person page: referrals, permits, products and monthly sales.
internal sealed partial class DetailModel
{
    [BindProperty]
    public ReferralForm Referral { get; set; } = new();

    [BindProperty]
    public ReferralAnswerForm Answer { get; set; } = new();

    [BindProperty]
    public PermitForm Permit { get; set; } = new();

    [BindProperty]
    public ProductForm Product { get; set; } = new();

    [BindProperty]
    public ProductActionForm ProductAction { get; set; } = new();

    [BindProperty]
    public SalesForm SalesEntry { get; set; } = new();

    [BindProperty]
    public ShowcaseForm Showcase { get; set; } = new();

    public bool CanRecordSales => !IsClosed && Case.Release is not null && May(PipelineAction.RecordFollowUp);

    public async Task<IActionResult> OnPostReferralAsync(CancellationToken cancellationToken)
    {
        var request = new ReferralRequest(Referral.PartnerName, null, Referral.Amount, Referral.Purpose);
        return await TrySubmitAsync(nameof(Referral), async () => await referrals.SubmitAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("Referral")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellationToken)
    {
        var request = new ReferralAnswerRequest(Answer.Status, Answer.Reason);
        return await TrySubmitAsync(nameof(Answer), async () => await referrals.AnswerAsync(Staff, CaseId, Answer.ReferralId ?? "", request, await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("Answer")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPermitAsync(CancellationToken cancellationToken)
    {
        if (Permit.Kind is not { } kind)
        {
            ModelState.AddModelError($"{nameof(Permit)}.{nameof(PermitForm.Kind)}", L["Binding.Required"]);
            Fail(nameof(Permit), L["Form.HasErrors"]);
            return await RedisplayAsync(cancellationToken);
        }

        var request = new PermitRequest(Permit.AppliedOn, Permit.GrantedOn);
        return await TrySubmitAsync(nameof(Permit), async () => await permits.SetAsync(Staff, CaseId, kind, request, await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("Permit")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostProductAsync(CancellationToken cancellationToken)
    {
        var request = new ProductRequest(Product.Name, Product.Category, Product.Description, Product.PriceRupiah);
        return await TrySubmitAsync(nameof(Product), async () => await products.AddAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("Product")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken cancellationToken)
    {
        if (photo is null)
        {
            Fail(nameof(ProductAction), L["Upload.Missing"]);
            return await RedisplayAsync(cancellationToken);
        }

        return await TrySubmitAsync(nameof(ProductAction), () => products.UploadPhotoAsync(Staff, CaseId, ProductAction.ProductId ?? "", FileUpload.From(photo), cancellationToken))
            ? Confirm("Photo")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostNominateAsync(CancellationToken cancellationToken) =>
        await TrySubmitAsync(nameof(ProductAction), async () => await products.NominateAsync(Staff, CaseId, ProductAction.ProductId ?? "", await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("Nominated")
            : await RedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostSalesAsync(CancellationToken cancellationToken)
    {
        var request = new SalesRequest(SalesEntry.Month, SalesEntry.SalesRupiah);
        return await TrySubmitAsync(nameof(SalesEntry), async () => await sales.RecordAsync(Staff, CaseId, request, await ActionKeyAsync(cancellationToken), Pipelines, cancellationToken))
            ? Confirm("Sales")
            : await RedisplayAsync(cancellationToken);
    }

    /// <summary>Records an exhibition where a product was shown, or a channel it sells through.</summary>
    public async Task<IActionResult> OnPostShowcaseAsync(CancellationToken cancellationToken)
    {
        var request = new ShowcaseRequest(Showcase.Kind, Showcase.Name, Showcase.Date, Showcase.Place);
        return await TrySubmitAsync(nameof(Showcase), async () => await showcases.AddAsync(Staff, CaseId, Showcase.ProductId ?? "", request, await ActionKeyAsync(cancellationToken), cancellationToken))
            ? Confirm("Showcase")
            : await RedisplayAsync(cancellationToken);
    }

    /// <summary>A product photo, for the page's <c>&lt;img&gt;</c>.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(string productId, CancellationToken cancellationToken)
    {
        var file = await products.OpenPhotoAsync(Staff, CaseId, productId, cancellationToken);
        return File(file.Content, file.ContentType);
    }
}

/// <summary>A capital referral to a partner the programme knows.</summary>
internal sealed class ReferralForm
{
    public string? PartnerName { get; set; }

    public long? Amount { get; set; }

    public string? Purpose { get; set; }
}

/// <summary>A financing partner's answer to a referral.</summary>
internal sealed class ReferralAnswerForm
{
    public string? ReferralId { get; set; }

    public ReferralStatus? Status { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The dates of one permit.</summary>
internal sealed class PermitForm
{
    public PermitKind? Kind { get; set; }

    public DateOnly? AppliedOn { get; set; }

    public DateOnly? GrantedOn { get; set; }
}

/// <summary>A product the person makes.</summary>
internal sealed class ProductForm
{
    public string? Name { get; set; }

    public ProductCategory? Category { get; set; }

    public string? Description { get; set; }

    public long? PriceRupiah { get; set; }
}

/// <summary>Which product a photo upload or a nomination is for.</summary>
internal sealed class ProductActionForm
{
    public string? ProductId { get; set; }
}

/// <summary>An exhibition or a sales channel of one product.</summary>
internal sealed class ShowcaseForm
{
    public string? ProductId { get; set; }

    public ShowcaseKind? Kind { get; set; }

    public string? Name { get; set; }

    public DateOnly? Date { get; set; }

    public string? Place { get; set; }
}

/// <summary>One month's sales.</summary>
internal sealed class SalesForm
{
    /// <summary><c>yyyy-MM</c>, as <c>&lt;input type=month&gt;</c> sends it.</summary>
    public string? Month { get; set; }

    public long? SalesRupiah { get; set; }
}

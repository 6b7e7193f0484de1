using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary><c>/kasus/{caseId}/data-pribadi</c>: the person's consent (add or withdraw one purpose) and the correction of their identifying fields.</summary>
internal sealed class PersonalDataModel(CaseService cases, PersonalDataAudit audit) : StaffPageModel
{
    [FromRoute]
    public string CaseId { get; set; } = "";

    public CaseResponse Case { get; private set; } = null!;

    [BindProperty]
    public ConsentForm Consent { get; set; } = new();

    [BindProperty]
    public CorrectionForm Correction { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Correction = new CorrectionForm { FullName = Case.FullName, Nik = Case.Nik, RegistrationNumber = Case.RegistrationNumber };
    }

    public async Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken)
    {
        var request = new ConsentChangeRequest(Consent.Purpose, Consent.Withdraw);
        if (await TrySubmitAsync(nameof(Consent), async () =>
                await cases.ChangeConsentAsync(Staff, CaseId, request, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), Pipelines, cancellationToken)))
        {
            return Redirect($"/kasus/{Uri.EscapeDataString(CaseId)}/data-pribadi?saved=Consent");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCorrectionAsync(CancellationToken cancellationToken)
    {
        var request = new CorrectionRequest(Correction.FullName ?? "", Correction.Nik ?? "", Correction.RegistrationNumber ?? "");
        if (await TrySubmitAsync(nameof(Correction), async () =>
                await cases.CorrectAsync(Staff, CaseId, request, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), audit, cancellationToken)))
        {
            return Redirect($"/kasus/{Uri.EscapeDataString(CaseId)}/data-pribadi?saved=Correction");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Case = await cases.GetAsync(Staff, CaseId, Pipelines, cancellationToken);
}

/// <summary>The consent form: one purpose, given or withdrawn.</summary>
internal sealed class ConsentForm
{
    public ConsentPurpose? Purpose { get; set; }

    public bool Withdraw { get; set; }
}

/// <summary>The correction form, filled with the values held.</summary>
internal sealed class CorrectionForm
{
    public string? FullName { get; set; }

    public string? Nik { get; set; }

    public string? RegistrationNumber { get; set; }
}

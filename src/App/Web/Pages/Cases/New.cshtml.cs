using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary><c>/kasus/baru</c>: "Daftarkan WBP", enrolling a person with their consent.</summary>
internal sealed class NewModel(CaseService cases, TimeProvider clock) : StaffPageModel
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["Consent.Scope"] = nameof(EnrolForm.Consent),
        ["Consent.RecordedBy"] = nameof(EnrolForm.Consent),
    };

    [BindProperty]
    public EnrolForm Enrol { get; set; } = new();

    /// <summary>The Lapas and Rutan where the staff member may enrol.</summary>
    public IReadOnlyList<Office> EnrolOffices =>
        [.. Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan && AccessPolicy.CanPerform(Staff, PipelineAction.Enrol, o.Code))];

    public IActionResult OnGet()
    {
        if (EnrolOffices.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Enrol.OfficeCode ??= EnrolOffices[0].Code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (EnrolOffices.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var consent = new Consent(Staff.Username, clock.GetUtcNow(), Enrol.Consent ?? []);
        var enrollment = new Enrollment(
            Enrol.OfficeCode ?? "", Enrol.RegistrationNumber ?? "", Enrol.FullName ?? "", Enrol.Nik, Enrol.ExpectedReleaseDate, consent);
        CaseResponse? enrolled = null;
        if (await TrySubmitAsync(nameof(Enrol), async () => enrolled = await cases.EnrolAsync(Staff, enrollment, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), Pipelines, cancellationToken), Aliases))
        {
            return Redirect($"/kasus/{Uri.EscapeDataString(enrolled!.CaseId)}?saved=Enrolled");
        }

        return Page();
    }
}

/// <summary>The enrolment form's fields; everything nullable so a half-filled form comes back as it was.</summary>
internal sealed class EnrolForm
{
    public string? OfficeCode { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? FullName { get; set; }

    public string? Nik { get; set; }

    public DateOnly? ExpectedReleaseDate { get; set; }

    /// <summary>The purposes ticked; taking part in the programme is required.</summary>
    public List<ConsentPurpose>? Consent { get; set; }
}

using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Training;

/// <summary><c>/pelatihan/{batchId}</c>: a batch's participants — placing people, the roll call, results and certificates.</summary>
internal sealed class BatchModel(TrainingService training, CaseService cases) : StaffPageModel
{
    /// <summary>The attendance a training needs to count as completed (configuration), for the reasons the page shows.</summary>
    public int AttendanceThresholdPercent => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.AttendanceThresholdPercent;

    [FromRoute]
    public string BatchId { get; set; } = "";

    public BatchDetailResponse Detail { get; private set; } = null!;

    /// <summary>People of the batch's office who may join: assessed, not yet released, not in the batch.</summary>
    public IReadOnlyList<CaseSummaryResponse> Candidates { get; private set; } = [];

    /// <summary>Names of the participants, by case id, for staff of the office.</summary>
    public IReadOnlyDictionary<string, string> ParticipantNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public string? EnrolCaseId { get; set; }

    [BindProperty]
    public int? Session { get; set; }

    [BindProperty]
    public List<string>? Present { get; set; }

    [BindProperty]
    public string? ResultCaseId { get; set; }

    [BindProperty]
    public bool? Passed { get; set; }

    public bool CanManage => AccessPolicy.CanPerform(Staff, PipelineAction.ManageTraining, Detail.Batch.OfficeCode);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken cancellationToken) =>
        await TrySubmitAsync("Enrol", async () => await training.EnrolAsync(Staff, BatchId, new EnrolRequest(EnrolCaseId), await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken))
            ? Confirm("BatchEnrol")
            : await RedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken cancellationToken) =>
        await TrySubmitAsync("Attendance", async () => await training.RecordAttendanceAsync(Staff, BatchId, new AttendanceRequest(Session, Present ?? []), await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken))
            ? Confirm("Attendance")
            : await RedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostResultAsync(CancellationToken cancellationToken) =>
        await TrySubmitAsync("Result", async () => await training.RecordResultAsync(Staff, BatchId, ResultCaseId ?? "", new ResultRequest(Passed), await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken))
            ? Confirm("Result")
            : await RedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostCertificateAsync(IFormFile? certificate, CancellationToken cancellationToken)
    {
        if (certificate is null)
        {
            Fail("Certificate", L["Upload.Missing"]);
            return await RedisplayAsync(cancellationToken);
        }

        return await TrySubmitAsync("Certificate", () => training.UploadCertificateAsync(Staff, BatchId, ResultCaseId ?? "", FileUpload.From(certificate), cancellationToken))
            ? Confirm("Certificate")
            : await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetCertificateAsync(string caseId, CancellationToken cancellationToken)
    {
        var file = await training.OpenCertificateAsync(Staff, BatchId, caseId, cancellationToken);
        return File(file.Content, file.ContentType);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Detail = await training.GetBatchAsync(Staff, BatchId, cancellationToken);
        var people = await cases.ListAsync(Staff, new CaseListQuery(Detail.Batch.OfficeCode, null), cancellationToken);
        ParticipantNames = people.ToDictionary(p => p.CaseId, p => $"{p.RegistrationNumber} · {p.DisplayName}", StringComparer.Ordinal);
        var enrolled = Detail.Enrolments.Select(e => e.CaseId).ToHashSet(StringComparer.Ordinal);
        Candidates = [.. people.Where(p => p.Stage is PipelineStage.Training or PipelineStage.AwaitingRelease && !enrolled.Contains(p.CaseId))];
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private RedirectResult Confirm(string what) => Redirect($"/pelatihan/{Uri.EscapeDataString(BatchId)}?saved={what}");
}

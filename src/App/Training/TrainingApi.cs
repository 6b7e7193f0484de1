using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Training;

/// <summary>The training JSON API: <c>/api/training/batches</c> and <c>/api/cases/{caseId}/trainings</c>.</summary>
internal static class TrainingApi
{
    /// <summary>Adds <see cref="TrainingService"/>.</summary>
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.AddRecordStorage();
        builder.Services.AddSingleton<TrainingService>();
        return builder;
    }

    /// <summary>Maps the training endpoints; all need a signed-in member of staff.</summary>
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/training/batches").WithTags("Training")
            .RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>();
        batches.MapPost("/", CreateBatchAsync).WithSummary("Opens a training batch (capacity defaults to Pipeline:BatchCapacity).");
        batches.MapGet("/", ListBatchesAsync).WithSummary("The batches at the offices the staff member sees, or at ?office=.");
        batches.MapGet("/{batchId}", GetBatchAsync).WithSummary("A batch with its participants, their attendance and results.");
        batches.MapPost("/{batchId}/enrolments", EnrolAsync).WithSummary("Places a person in the batch; 409 when it is full.");
        batches.MapPost("/{batchId}/attendance", RecordAttendanceAsync).WithSummary("The roll call of one session: who was there.");
        batches.MapPost("/{batchId}/enrolments/{caseId}/result", RecordResultAsync).WithSummary("The final assessment; decides completion.");
        batches.MapPost("/{batchId}/enrolments/{caseId}/certificate", UploadCertificateAsync)
            .WithSummary("Uploads the certificate (multipart field 'file': PDF, JPEG or PNG).")
            .DisableAntiforgery(); // JSON API client; the staff cookie is SameSite=Strict.
        batches.MapGet("/{batchId}/enrolments/{caseId}/certificate", OpenCertificateAsync).WithSummary("Downloads the certificate.");

        app.MapGet("/api/cases/{caseId}/trainings", ListCaseTrainingsAsync).WithTags("Training")
            .RequireAuthorization(StaffHosting.StaffPolicy).AddEndpointFilter<ServiceErrors>()
            .WithSummary("The trainings of one person.");
        return app;
    }

    private static async Task<Created<BatchResponse>> CreateBatchAsync(
        CreateBatchRequest request, TrainingService training, HttpContext http, CancellationToken cancellationToken)
    {
        var batch = await training.CreateBatchAsync(http.Staff(), request, cancellationToken);
        return TypedResults.Created($"/api/training/batches/{Uri.EscapeDataString(batch.BatchId)}", batch);
    }

    private static async Task<Ok<IReadOnlyList<BatchResponse>>> ListBatchesAsync(
        string? office, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await training.ListBatchesAsync(http.Staff(), office, cancellationToken));

    private static async Task<Ok<BatchDetailResponse>> GetBatchAsync(
        string batchId, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await training.GetBatchAsync(http.Staff(), batchId, cancellationToken));

    private static async Task<Created<EnrolmentResponse>> EnrolAsync(
        string batchId, EnrolRequest request, TrainingService training, HttpContext http, CancellationToken cancellationToken)
    {
        var enrolment = await training.EnrolAsync(http.Staff(), batchId, request, cancellationToken);
        return TypedResults.Created($"/api/training/batches/{Uri.EscapeDataString(batchId)}", enrolment);
    }

    private static async Task<Ok<IReadOnlyList<EnrolmentResponse>>> RecordAttendanceAsync(
        string batchId, AttendanceRequest request, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await training.RecordAttendanceAsync(http.Staff(), batchId, request, cancellationToken));

    private static async Task<Ok<TrainingResult>> RecordResultAsync(
        string batchId, string caseId, ResultRequest request, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await training.RecordResultAsync(http.Staff(), batchId, caseId, request, cancellationToken));

    private static async Task<Ok<EnrolmentResponse>> UploadCertificateAsync(
        string batchId, string caseId, IFormFile? file, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await training.UploadCertificateAsync(http.Staff(), batchId, caseId, FileUpload.Required(file, "certificate"), cancellationToken));

    private static async Task<FileStreamHttpResult> OpenCertificateAsync(
        string batchId, string caseId, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        (await training.OpenCertificateAsync(http.Staff(), batchId, caseId, cancellationToken)).ToResult();

    private static async Task<Ok<IReadOnlyList<CaseTrainingResponse>>> ListCaseTrainingsAsync(
        string caseId, TrainingService training, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await training.ListCaseTrainingsAsync(http.Staff(), caseId, cancellationToken));
}

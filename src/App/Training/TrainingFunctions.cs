using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;

namespace PepFunctions.App.Training;

/// <summary>
/// The training JSON API: <c>/api/training/batches</c> and <c>/api/cases/{caseId}/trainings</c>. Every function needs a
/// signed-in member of staff (<see cref="StaffApi"/>).
/// </summary>
public sealed class TrainingFunctions(StaffApi api, StaffActions actions, TrainingService training)
{
    /// <summary>The action log's scope of batch creations, which have no batch id yet.</summary>
    private const string NewBatchScope = "training-batches";

    /// <summary>Opens a training batch (capacity defaults to Pipeline:BatchCapacity).</summary>
    [Function("CreateTrainingBatch")]
    public Task<IActionResult> CreateBatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training/batches")] HttpRequest request) =>
        actions.With<CreateBatchRequest>(request).RunOnceAsync(NewBatchScope,
            (staff, body, key, ct) => training.CreateBatchAsync(staff, body, key, ct),
            batch => TypedResults.Created($"/api/training/batches/{Uri.EscapeDataString(batch.BatchId)}", batch));

    /// <summary>The batches at the offices the staff member sees, or at ?office=.</summary>
    [Function("ListTrainingBatches")]
    public Task<IActionResult> ListBatchesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/training/batches")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await training.ListBatchesAsync(staff, request.Query["office"], cancellationToken)));

    /// <summary>A batch with its participants, their attendance and results.</summary>
    [Function("GetTrainingBatch")]
    public Task<IActionResult> GetBatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/training/batches/{batchId}")] HttpRequest request, string batchId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await training.GetBatchAsync(staff, batchId, cancellationToken)));

    /// <summary>Places a person in the batch; 409 when it is full.</summary>
    [Function("EnrolInTrainingBatch")]
    public Task<IActionResult> EnrolAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training/batches/{batchId}/enrolments")] HttpRequest request, string batchId) =>
        actions.With<EnrolRequest>(request).RunOnceAsync(batchId,
            (staff, body, key, ct) => training.EnrolAsync(staff, batchId, body, key, ct),
            enrolment => TypedResults.Created($"/api/training/batches/{Uri.EscapeDataString(batchId)}", enrolment));

    /// <summary>The roll call of one session: who was there.</summary>
    [Function("RecordTrainingAttendance")]
    public Task<IActionResult> RecordAttendanceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training/batches/{batchId}/attendance")] HttpRequest request, string batchId) =>
        actions.With<AttendanceRequest>(request).RunOnceAsync(batchId,
            (staff, body, key, ct) => training.RecordAttendanceAsync(staff, batchId, body, key, ct),
            result => TypedResults.Ok(result));

    /// <summary>The final assessment; decides completion.</summary>
    [Function("RecordTrainingResult")]
    public Task<IActionResult> RecordResultAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training/batches/{batchId}/enrolments/{caseId}/result")] HttpRequest request,
        string batchId, string caseId) =>
        actions.With<ResultRequest>(request).RunOnceAsync(batchId,
            (staff, body, key, ct) => training.RecordResultAsync(staff, batchId, caseId, body, key, ct),
            result => TypedResults.Ok(result));

    /// <summary>Uploads the certificate (multipart field 'file': PDF, JPEG or PNG).</summary>
    [Function("UploadTrainingCertificate")]
    public Task<IActionResult> UploadCertificateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/training/batches/{batchId}/enrolments/{caseId}/certificate")] HttpRequest request,
        string batchId, string caseId) =>
        api.RunAsync(request, (staff, cancellationToken) => FileUpload.SaveRequiredAsync(request, "certificate",
            async upload => TypedResults.Ok(await training.UploadCertificateAsync(staff, batchId, caseId, upload, cancellationToken)),
            cancellationToken));

    /// <summary>Downloads the certificate.</summary>
    [Function("DownloadTrainingCertificate")]
    public Task<IActionResult> OpenCertificateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/training/batches/{batchId}/enrolments/{caseId}/certificate")] HttpRequest request,
        string batchId, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            (await training.OpenCertificateAsync(staff, batchId, caseId, cancellationToken)).ToResult());

    /// <summary>The trainings of one person.</summary>
    [Function("ListCaseTrainings")]
    public Task<IActionResult> ListCaseTrainingsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/trainings")] HttpRequest request, string caseId) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await training.ListCaseTrainingsAsync(staff, caseId, cancellationToken)));
}

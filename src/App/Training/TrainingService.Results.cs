using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Training;

/// <summary>Attendance, results and certificates.</summary>
internal sealed partial class TrainingService
{
    /// <summary>Records the roll call of one session: the listed participants attended it, the other participants did not.</summary>
    /// <remarks>Sending a session again corrects it. A result already recorded is evaluated again with the new attendance.</remarks>
    public async Task<IReadOnlyList<EnrolmentResponse>> RecordAttendanceAsync(
        StaffMember staff, string batchId, AttendanceRequest request, CancellationToken cancellationToken)
    {
        var batch = await RequireBatchAsync(batchId, cancellationToken);
        CaseOffices.Require(staff, PipelineAction.ManageTraining, batch.PartitionKey);
        if (request.Session is not { } session || session < 1 || session > batch.Sessions)
        {
            throw new RequestValidationException(nameof(request.Session), $"The session must be a number from 1 to {batch.Sessions}.");
        }

        var present = (request.CaseIds ?? []).Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
        var enrolments = await ReadEnrolmentsAsync(batchId, cancellationToken);
        var strangers = present.Except(enrolments.Select(row => row.RowKey), StringComparer.Ordinal).ToList();
        if (strangers.Count > 0)
        {
            throw new RequestValidationException(nameof(request.CaseIds), $"Not enrolled in this batch: {string.Join(", ", strangers)}.");
        }

        var changed = new List<TrainingEnrolmentEntity>();
        foreach (var row in enrolments)
        {
            var sessions = Attendance.Parse(row.AttendedSessions).ToHashSet();
            if (present.Contains(row.RowKey) ? sessions.Add(session) : sessions.Remove(session))
            {
                row.AttendedSessions = Attendance.Format(sessions);
                Evaluate(batch, row, row.ResultBy);
                changed.Add(row);
            }
        }

        await ReplaceEnrolmentsAsync(batchId, changed, cancellationToken);
        await UpdateCaseTrainingsAsync(changed, cancellationToken);
        logger.LogInformation("Attendance of session {Session} of batch {BatchId} recorded by {Username}: {Present} present", session, batchId, staff.Username, present.Count);
        return [.. enrolments.Select(EnrolmentResponse.From)];
    }

    /// <summary>Records the final assessment and decides, with the configured attendance threshold, whether the person completed the training.</summary>
    public async Task<TrainingResult> RecordResultAsync(
        StaffMember staff, string batchId, string caseId, ResultRequest request, CancellationToken cancellationToken)
    {
        if (request.Passed is not { } passed)
        {
            throw new RequestValidationException(nameof(request.Passed), "Say whether the person passed the final assessment.");
        }

        var batch = await RequireBatchAsync(batchId, cancellationToken);
        CaseOffices.Require(staff, PipelineAction.ManageTraining, batch.PartitionKey);
        var row = await RequireEnrolmentAsync(batchId, caseId, cancellationToken);
        row.Passed = passed;
        row.ResultAt = time.GetUtcNow();
        var result = Evaluate(batch, row, staff.Username)!;
        await ReplaceEnrolmentsAsync(batchId, [row], cancellationToken);
        await UpdateCaseTrainingsAsync([row], cancellationToken);
        logger.LogInformation("Training result of case {CaseId} in batch {BatchId} recorded by {Username}: completed {Completed}", caseId, batchId, staff.Username, result.Completed);
        return result;
    }

    /// <summary>Stores the participant's certificate (PDF, JPEG or PNG), replacing an earlier one.</summary>
    public async Task<EnrolmentResponse> UploadCertificateAsync(
        StaffMember staff, string batchId, string caseId, FileUpload upload, CancellationToken cancellationToken)
    {
        var batch = await RequireBatchAsync(batchId, cancellationToken);
        CaseOffices.Require(staff, PipelineAction.ManageTraining, batch.PartitionKey);
        var row = await RequireEnrolmentAsync(batchId, caseId, cancellationToken);
        row.CertificateContentType = await files.SaveAsync(CertificateBlob(batchId, caseId), upload, FileType.Certificate, "file", cancellationToken);
        await ReplaceEnrolmentsAsync(batchId, [row], cancellationToken);
        await UpdateCaseTrainingsAsync([row], cancellationToken);
        logger.LogInformation("Certificate of case {CaseId} in batch {BatchId} uploaded by {Username}", caseId, batchId, staff.Username);
        return EnrolmentResponse.From(row);
    }

    /// <summary>The certificate, for staff who may see the person's case.</summary>
    public async Task<StoredFile> OpenCertificateAsync(StaffMember staff, string batchId, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        return await files.OpenAsync(CertificateBlob(batchId, caseId), cancellationToken)
            ?? throw new NotFoundException($"No certificate of case '{caseId}' in batch '{batchId}' has been uploaded.");
    }

    private static string CertificateBlob(string batchId, string caseId) => $"{caseId}/training/{batchId}/certificate";

    /// <summary>Applies <see cref="CompletionRule"/> once the final assessment is known; returns null before.</summary>
    private TrainingResult? Evaluate(TrainingBatchEntity batch, TrainingEnrolmentEntity row, string? resultBy)
    {
        if (row.Passed is not { } passed)
        {
            return null;
        }

        var result = CompletionRule.Evaluate(
            Attendance.Parse(row.AttendedSessions).Count, batch.Sessions, passed, pipeline.Value.AttendanceThresholdPercent);
        row.Completed = result.Completed;
        row.AttendancePercent = (double)result.AttendancePercent;
        row.Reason = result.Reason;
        row.ResultBy = resultBy;
        return result;
    }

    private async Task<TrainingEnrolmentEntity> RequireEnrolmentAsync(string batchId, string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TrainingTables.Enrolments, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TrainingEnrolmentEntity>(batchId, caseId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : throw new NotFoundException($"Case '{caseId}' is not enrolled in batch '{batchId}'.");
    }

    /// <summary>Replaces the rows with their ETags, in one transaction per 100 (one partition: the batch).</summary>
    /// <exception cref="ConflictException">Someone changed a participant's row meanwhile; nothing of that transaction was written.</exception>
    private async Task ReplaceEnrolmentsAsync(string batchId, IReadOnlyList<TrainingEnrolmentEntity> rows, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TrainingTables.Enrolments, cancellationToken);
        foreach (var chunk in rows.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
            {
                throw new ConflictException($"Someone else changed batch '{batchId}' at the same moment; load it again and repeat.");
            }
        }
    }

    /// <summary>Copies attendance and result to the persons' <c>CaseTrainings</c> rows.</summary>
    private async Task UpdateCaseTrainingsAsync(IReadOnlyList<TrainingEnrolmentEntity> rows, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TrainingTables.CaseTrainings, cancellationToken);
        foreach (var row in rows)
        {
            var entity = new TableEntity(row.RowKey, row.PartitionKey)
            {
                [nameof(CaseTrainingEntity.AttendedCount)] = Attendance.Parse(row.AttendedSessions).Count,
                [nameof(CaseTrainingEntity.Passed)] = row.Passed,
                [nameof(CaseTrainingEntity.Completed)] = row.Completed,
                [nameof(CaseTrainingEntity.AttendancePercent)] = row.AttendancePercent,
                [nameof(CaseTrainingEntity.Reason)] = row.Reason,
                [nameof(CaseTrainingEntity.HasCertificate)] = row.CertificateContentType is not null,
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        }
    }
}

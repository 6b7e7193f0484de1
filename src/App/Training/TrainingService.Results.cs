using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Training;

/// <summary>Attendance, results and certificates.</summary>
public sealed partial class TrainingService
{
    /// <summary>Records the roll call of one session, as an action without a key.</summary>
    public Task<IReadOnlyList<EnrolmentResponse>> RecordAttendanceAsync(
        StaffMember staff, string batchId, AttendanceRequest request, CancellationToken cancellationToken) =>
        RecordAttendanceAsync(staff, batchId, request, actionKey: null, cancellationToken);

    /// <summary>Records the roll call of one session: the listed participants attended it, the other participants did not.</summary>
    /// <remarks>
    /// Sending a session again corrects it. A result already recorded is evaluated again with the new attendance. Each
    /// participant's timeline gets the session (<see cref="TimelineAction.AttendanceRecorded"/>), present or absent, keyed by
    /// <paramref name="actionKey"/>: a retry overwrites those entries, a correction adds its own.
    /// </remarks>
    public async Task<IReadOnlyList<EnrolmentResponse>> RecordAttendanceAsync(
        StaffMember staff, string batchId, AttendanceRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var batch = await RequireBatchAsync(staff, batchId, PipelineAction.ManageTraining, cancellationToken);
        var errors = new List<FieldError>();
        if (request.Session is not { } session || session < 1 || session > batch.Sessions)
        {
            errors.Add(new(nameof(request.Session), $"The session must be a number from 1 to {batch.Sessions}."));
            session = 0;
        }

        if (request.CaseIds is { Count: > TrainingBatch.MaxCapacity })
        {
            errors.Add(new(nameof(request.CaseIds), $"A roll call lists at most {TrainingBatch.MaxCapacity} participants."));
        }
        else if (request.CaseIds is { } listed && listed.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > CaseOffices.MaxCaseIdLength))
        {
            errors.Add(new(nameof(request.CaseIds), $"Each case id is 1 to {CaseOffices.MaxCaseIdLength} characters."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var today = OfficeToday(batch.PartitionKey);
        if (Dates.Parse(batch.StartDate) > today)
        {
            throw new ConflictException($"Roll calls can be recorded from the batch's first day: batch '{batchId}' starts on {batch.StartDate}.");
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
        var now = time.GetUtcNow();
        var key = actionKey ?? $"{batchId}|{session}|{now.UtcTicks}";
        await Task.WhenAll(enrolments.Select(row => timeline.AppendActionAsync(row.RowKey, now, staff.Username, TimelineAction.AttendanceRecorded,
            TimelineDetail.AttendanceRecorded(batchId, session, present.Contains(row.RowKey)), key, cancellationToken)));
        logger.LogInformation("Attendance of session {Session} of batch {BatchId} recorded by {Username}: {Present} present", session, batchId, staff.Username, present.Count);
        return [.. enrolments.Select(EnrolmentResponse.From)];
    }

    /// <summary>Records the final assessment, as an action without a key.</summary>
    public Task<TrainingResult> RecordResultAsync(
        StaffMember staff, string batchId, string caseId, ResultRequest request, CancellationToken cancellationToken) =>
        RecordResultAsync(staff, batchId, caseId, request, actionKey: null, cancellationToken);

    /// <summary>Records the final assessment and decides, with the configured attendance threshold, whether the person completed the training.</summary>
    /// <param name="staff">Who records it.</param>
    /// <param name="batchId">The batch.</param>
    /// <param name="caseId">The participant.</param>
    /// <param name="request">Passed or not.</param>
    /// <param name="actionKey">The action's idempotency key: the timeline entry (<see cref="TimelineAction.TrainingResultRecorded"/>) is
    /// keyed by it, so a retry after a crash overwrites it; null keys the entry by the time the result is recorded.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<TrainingResult> RecordResultAsync(
        StaffMember staff, string batchId, string caseId, ResultRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        if (request.Passed is not { } passed)
        {
            throw new RequestValidationException(nameof(request.Passed), "Say whether the person passed the final assessment.");
        }

        var batch = await RequireBatchAsync(staff, batchId, PipelineAction.ManageTraining, cancellationToken);
        // A result before the first session would decide on an attendance not yet taken (0 %): the same day as the roll calls.
        if (Dates.Parse(batch.StartDate) > OfficeToday(batch.PartitionKey))
        {
            throw new ConflictException($"Results can be recorded from the batch's first day: batch '{batchId}' starts on {batch.StartDate}.");
        }

        var row = await RequireEnrolmentAsync(batchId, caseId, cancellationToken);
        row.Passed = passed;
        row.ResultAt = time.GetUtcNow();
        var result = Evaluate(batch, row, staff.Username)!;
        await ReplaceEnrolmentsAsync(batchId, [row], cancellationToken);
        await UpdateCaseTrainingsAsync([row], cancellationToken);
        await timeline.AppendActionAsync(caseId, row.ResultAt.Value, staff.Username, TimelineAction.TrainingResultRecorded,
            TimelineDetail.TrainingResultRecorded(batchId, passed, result.Completed, result.AttendancePercent),
            actionKey ?? $"{batchId}|{caseId}|{row.ResultAt.Value.UtcTicks}", cancellationToken);
        logger.LogInformation("Training result of case {CaseId} in batch {BatchId} recorded by {Username}: completed {Completed}", caseId, batchId, staff.Username, result.Completed);
        return result;
    }

    /// <summary>Stores the participant's certificate (PDF, JPEG or PNG), replacing an earlier one.</summary>
    public async Task<EnrolmentResponse> UploadCertificateAsync(
        StaffMember staff, string batchId, string caseId, FileUpload upload, CancellationToken cancellationToken)
    {
        var batch = await RequireBatchAsync(staff, batchId, PipelineAction.ManageTraining, cancellationToken);
        var row = await RequireEnrolmentAsync(batchId, caseId, cancellationToken);
        var saved = await files.SaveAsync(CertificateBlob(batchId, caseId), upload, FileType.Certificate, "file", cancellationToken);
        row.CertificateContentType = saved.ContentType;
        await ReplaceEnrolmentsAsync(batchId, [row], cancellationToken);
        await UpdateCaseTrainingsAsync([row], cancellationToken);
        // Keyed by the content: the same certificate sent again (a retry) is one entry.
        await timeline.AppendActionAsync(caseId, time.GetUtcNow(), staff.Username, TimelineAction.CertificateUploaded,
            TimelineDetail.CertificateUploaded(batchId), $"{batchId}|{saved.ContentHash}", cancellationToken);
        logger.LogInformation("Certificate of case {CaseId} in batch {BatchId} uploaded by {Username}", caseId, batchId, staff.Username);
        return EnrolmentResponse.From(row);
    }

    /// <summary>The certificate, for staff who may see the person's case.</summary>
    public async Task<StoredFile> OpenCertificateAsync(StaffMember staff, string batchId, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        await reads.CaseReadAsync(staff.Username, Privacy.PersonalDataRead.FileDownload, caseId, CertificateBlob(batchId, caseId), cancellationToken);
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

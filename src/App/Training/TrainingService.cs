using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Training;

/// <summary>
/// Training batches (<i>pelatihan</i>, <i>bimbingan teknis</i>): opening them, placing people in them, the roll
/// call of each session, the final result (<see cref="CompletionRule"/>) and the certificate.
/// </summary>
/// <remarks>
/// One method per staff action, each taking the signed-in <see cref="StaffMember"/> and a request record, so the
/// JSON API and the forms call the same code. Bad input throws <see cref="RequestValidationException"/> before
/// anything is written; access is checked with <see cref="AccessPolicy"/> against the batch's office.
/// </remarks>
public sealed partial class TrainingService(
    HubStorage storage, CaseOffices cases, FileStore files, CaseTimeline timeline, IOptions<PipelineOptions> pipeline, TimeProvider time,
    ILogger<TrainingService> logger, Privacy.ReadAudit reads)
{
    private const int ConcurrencyRetries = 5;

    /// <summary>How many of its latest place-taking action keys a batch remembers (64 hex characters each).</summary>
    private const int RememberedPlaceKeys = 60;

    /// <summary>Opens a batch at an office the staff member manages training for, with a random id suffix.</summary>
    public Task<BatchResponse> CreateBatchAsync(StaffMember staff, CreateBatchRequest request, CancellationToken cancellationToken) =>
        CreateBatchAsync(staff, request, actionKey: null, cancellationToken);

    /// <summary>Opens a batch at an office the staff member manages training for.</summary>
    /// <param name="staff">Who opens it.</param>
    /// <param name="request">The batch.</param>
    /// <param name="actionKey">The action's idempotency key: the batch id's suffix is derived from it, so a retry after a crash
    /// finds the batch the first attempt wrote; null for a random suffix.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<BatchResponse> CreateBatchAsync(StaffMember staff, CreateBatchRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var office = Offices.Find(request.OfficeCode ?? staff.OfficeCode)?.Code ?? request.OfficeCode ?? staff.OfficeCode;
        var errors = new List<FieldError>();
        if (request.Track is null)
        {
            errors.Add(new(nameof(request.Track), "Choose the training track."));
        }

        if (request.StartDate is null)
        {
            errors.Add(new(nameof(request.StartDate), "The start date is required."));
        }

        if (request.EndDate is null)
        {
            errors.Add(new(nameof(request.EndDate), "The end date is required."));
        }

        if (request.Sessions is null)
        {
            errors.Add(new(nameof(request.Sessions), "Say how many sessions attendance is counted over."));
        }

        var track = request.Track ?? default;
        var batch = new TrainingBatch(
            NewBatchId(office, track, request.StartDate ?? Offices.LocalDate(office, time.GetUtcNow()), actionKey),
            track, office, request.Partner?.Trim() ?? "", request.StartDate ?? default, request.EndDate ?? request.StartDate ?? default,
            request.Sessions ?? 1, request.Capacity ?? pipeline.Value.BatchCapacity);
        errors.AddRange(batch.Validate().Where(error => errors.All(e => e.Field != error.Field)));
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        CaseOffices.Require(staff, PipelineAction.ManageTraining, office);
        var row = new TrainingBatchEntity
        {
            PartitionKey = batch.OfficeCode,
            RowKey = batch.BatchId,
            Track = batch.Track.ToString(),
            Partner = batch.Partner,
            StartDate = Dates.Format(batch.StartDate),
            EndDate = Dates.Format(batch.EndDate),
            Sessions = batch.Sessions,
            Capacity = batch.Capacity,
            CreatedBy = staff.Username,
            CreatedAt = time.GetUtcNow(),
        };
        var table = await storage.TableAsync(TrainingTables.Batches, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict && actionKey is not null)
        {
            // Written by this same action before a crash, or by its twin racing.
            return BatchResponse.From((await table.GetEntityAsync<TrainingBatchEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value);
        }

        logger.LogInformation("Training batch {BatchId} opened at {OfficeCode} by {Username}", row.RowKey, office, staff.Username);
        return BatchResponse.From(row);
    }

    /// <summary>The batches at <paramref name="officeCode"/>, or at every office the staff member sees when it is null.</summary>
    public async Task<IReadOnlyList<BatchResponse>> ListBatchesAsync(StaffMember staff, string? officeCode, CancellationToken cancellationToken)
    {
        if (officeCode is not null && !AccessPolicy.CanView(staff, officeCode))
        {
            throw new ForbiddenException($"{officeCode} is not an office {staff.Username} sees.");
        }

        var offices = Offices.Seed
            .Where(office => office.Kind is OfficeKind.Lapas or OfficeKind.Rutan && AccessPolicy.CanView(staff, office.Code))
            .Where(office => officeCode is null || string.Equals(office.Code, officeCode, StringComparison.OrdinalIgnoreCase))
            .Select(office => office.Code)
            .ToList();
        var table = await storage.TableAsync(TrainingTables.Batches, cancellationToken);
        var batches = new List<BatchResponse>();
        foreach (var office in offices)
        {
            await foreach (var row in table.QueryAsync<TrainingBatchEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {office}"), cancellationToken: cancellationToken))
            {
                batches.Add(BatchResponse.From(row));
            }
        }

        return [.. batches.OrderByDescending(batch => batch.StartDate).ThenBy(batch => batch.BatchId, StringComparer.Ordinal)];
    }

    /// <summary>A batch and its participants.</summary>
    public async Task<BatchDetailResponse> GetBatchAsync(StaffMember staff, string batchId, CancellationToken cancellationToken)
    {
        var batch = await RequireBatchAsync(staff, batchId, action: null, cancellationToken);

        var enrolments = await ReadEnrolmentsAsync(batchId, cancellationToken);
        return new BatchDetailResponse(BatchResponse.From(batch), [.. enrolments.Select(EnrolmentResponse.From)]);
    }

    /// <summary>Places a person of the batch's office in it, if there is a free place.</summary>
    /// <exception cref="ConflictException">The batch is full (the domain's Indonesian and English message), or the person is already in it.</exception>
    public Task<EnrolmentResponse> EnrolAsync(StaffMember staff, string batchId, EnrolRequest request, CancellationToken cancellationToken) =>
        EnrolAsync(staff, batchId, request, actionKey: null, cancellationToken);

    /// <summary>Places a person of the batch's office in it, if there is a free place.</summary>
    /// <param name="staff">Who places the person.</param>
    /// <param name="batchId">The batch.</param>
    /// <param name="request">The person.</param>
    /// <param name="actionKey">The action's idempotency key. The batch remembers the keys of its latest places taken and the
    /// enrolment row stores its key, so a retry after a crash at any point takes the place once, answers the same and writes
    /// the same timeline entry (<see cref="TimelineAction.TrainingEnrolled"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ConflictException">The batch is full, or the person is already in it by another action.</exception>
    public async Task<EnrolmentResponse> EnrolAsync(StaffMember staff, string batchId, EnrolRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.CaseId))
        {
            throw new RequestValidationException(nameof(request.CaseId), "Choose the person (case id) to enrol.");
        }

        if (!CaseOffices.IsPossibleId(request.CaseId.Trim()))
        {
            throw new RequestValidationException(nameof(request.CaseId), $"A case id is 1 to {CaseOffices.MaxCaseIdLength} characters, without / \\ # or ?.");
        }

        var caseId = request.CaseId.Trim();
        var batch = await RequireBatchAsync(staff, batchId, PipelineAction.ManageTraining, cancellationToken);
        var holder = await cases.RequireHolderAsync(staff, PipelineAction.ManageTraining, caseId, cancellationToken);
        if (!string.Equals(holder.OfficeCode, batch.PartitionKey, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException(nameof(request.CaseId), $"The person is held by {holder.OfficeCode}; this batch runs at {batch.PartitionKey}.");
        }

        var enrolments = await storage.TableAsync(TrainingTables.Enrolments, cancellationToken);
        var existing = await enrolments.GetEntityIfExistsAsync<TrainingEnrolmentEntity>(batchId, caseId, cancellationToken: cancellationToken);
        TrainingEnrolmentEntity row;
        if (existing.HasValue)
        {
            row = existing.Value!;
            if (actionKey is null || row.EnrolKey != actionKey)
            {
                throw new ConflictException($"Sudah terdaftar. Case '{caseId}' is already enrolled in batch '{batchId}'.");
            }

            // Enrolled by this same action before a crash: finish what it left undone (the person's own row below).
        }
        else
        {
            if (holder.Stage is not (PipelineStage.Training or PipelineStage.AwaitingRelease))
            {
                throw new ConflictException(holder.Stage is PipelineStage.Enrollment or PipelineStage.Assessment or null
                    ? $"Case '{caseId}' has not been assessed yet; a person is placed in training after the assessment."
                    : $"Case '{caseId}' is {holder.Stage}; only people in the programme before release are placed in training.");
            }

            await ChangeEnrolledAsync(batch, +1, actionKey, cancellationToken);
            row = new TrainingEnrolmentEntity
            {
                PartitionKey = batchId, RowKey = caseId, EnrolledBy = staff.Username, EnrolledAt = time.GetUtcNow(), EnrolKey = actionKey,
            };
            try
            {
                await enrolments.AddEntityAsync(row, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict)
            {
                var winner = (await enrolments.GetEntityAsync<TrainingEnrolmentEntity>(batchId, caseId, cancellationToken: cancellationToken)).Value;
                if (actionKey is not null && winner.EnrolKey == actionKey)
                {
                    // The same action, racing: one place taken between them.
                    return EnrolmentResponse.From(winner);
                }

                // Enrolled by a concurrent request a moment ago: give the place back.
                await ChangeEnrolledAsync(await RequireBatchAsync(batchId, cancellationToken), -1, actionKey: null, cancellationToken);
                throw new ConflictException($"Sudah terdaftar. Case '{caseId}' is already enrolled in batch '{batchId}'.");
            }
        }

        var caseTrainings = await storage.TableAsync(TrainingTables.CaseTrainings, cancellationToken);
        await caseTrainings.UpsertEntityAsync(new CaseTrainingEntity
        {
            PartitionKey = caseId,
            RowKey = batchId,
            Track = batch.Track,
            OfficeCode = batch.PartitionKey,
            Partner = batch.Partner,
            StartDate = batch.StartDate,
            EndDate = batch.EndDate,
            Sessions = batch.Sessions,
        }, TableUpdateMode.Replace, cancellationToken);
        // One placement per person and batch: without a key, the pair names the action.
        await timeline.AppendActionAsync(caseId, row.EnrolledAt, row.EnrolledBy, TimelineAction.TrainingEnrolled,
            TimelineDetail.TrainingEnrolled(batchId, Enum.Parse<TrainingTrack>(batch.Track)), actionKey ?? $"{batchId}|{caseId}", cancellationToken);
        logger.LogInformation("Case {CaseId} enrolled in training batch {BatchId} by {Username}", caseId, batchId, staff.Username);
        return EnrolmentResponse.From(row);
    }

    /// <summary>The trainings of one person, newest first.</summary>
    public async Task<IReadOnlyList<CaseTrainingResponse>> ListCaseTrainingsAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await cases.RequireViewAsync(staff, caseId, cancellationToken);
        var table = await storage.TableAsync(TrainingTables.CaseTrainings, cancellationToken);
        var trainings = new List<CaseTrainingResponse>();
        await foreach (var row in table.QueryAsync<CaseTrainingEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            trainings.Add(CaseTrainingResponse.From(row));
        }

        return [.. trainings.OrderByDescending(training => training.StartDate)];
    }

    /// <summary>Adds <paramref name="delta"/> to the batch's enrolled count, with its ETag, re-reading on a concurrent change.</summary>
    /// <remarks>
    /// A place taken with an action key records the key among the batch's latest <see cref="RememberedPlaceKeys"/>, and a key
    /// already there adds nothing: a retry after a crash between this write and the enrolment row takes no second place.
    /// </remarks>
    /// <exception cref="ConflictException">Adding one would exceed the capacity.</exception>
    private async Task ChangeEnrolledAsync(TrainingBatchEntity batch, int delta, string? actionKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TrainingTables.Batches, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var keys = string.IsNullOrEmpty(batch.PlaceKeys) ? [] : batch.PlaceKeys.Split(',').ToList();
            if (actionKey is not null && keys.Contains(actionKey, StringComparer.Ordinal))
            {
                return;
            }

            if (actionKey is not null)
            {
                keys.Add(actionKey);
                batch.PlaceKeys = string.Join(',', keys.TakeLast(RememberedPlaceKeys));
            }

            if (delta > 0)
            {
                var decision = EnrolmentRule.CanEnrol(batch.Enrolled, batch.Capacity);
                if (!decision.Allowed)
                {
                    throw new ConflictException(decision.Message);
                }
            }

            batch.Enrolled = Math.Max(0, batch.Enrolled + delta);
            try
            {
                await table.UpdateEntityAsync(batch, batch.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed && attempt < ConcurrencyRetries)
            {
                batch = (await table.GetEntityAsync<TrainingBatchEntity>(batch.PartitionKey, batch.RowKey, cancellationToken: cancellationToken)).Value;
            }
        }
    }

    /// <summary>The batch, when <paramref name="staff"/> sees its office (and may do <paramref name="action"/> there, when given).</summary>
    /// <exception cref="NotFoundException">No such batch, or one at an office <paramref name="staff"/> does not see.</exception>
    /// <exception cref="ForbiddenException">The role may not do <paramref name="action"/>.</exception>
    private async Task<TrainingBatchEntity> RequireBatchAsync(
        StaffMember staff, string batchId, PipelineAction? action, CancellationToken cancellationToken)
    {
        var batch = await RequireBatchAsync(batchId, cancellationToken);
        if (!AccessPolicy.CanView(staff, batch.PartitionKey))
        {
            throw new NotFoundException($"Training batch '{batchId}' does not exist.");
        }

        if (action is { } required)
        {
            CaseOffices.Require(staff, required, batch.PartitionKey);
        }

        return batch;
    }

    /// <summary>Today's date at <paramref name="officeCode"/>, in the office's time zone.</summary>
    private DateOnly OfficeToday(string officeCode)
    {
        var now = time.GetUtcNow();
        var local = Offices.Find(officeCode) is { } office ? TimeZoneInfo.ConvertTime(now, office.TimeZone) : now;
        return DateOnly.FromDateTime(local.DateTime);
    }

    private async Task<TrainingBatchEntity> RequireBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var office = OfficeOf(batchId) ?? throw new NotFoundException($"Training batch '{batchId}' does not exist.");
        var table = await storage.TableAsync(TrainingTables.Batches, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TrainingBatchEntity>(office, batchId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : throw new NotFoundException($"Training batch '{batchId}' does not exist.");
    }

    private async Task<List<TrainingEnrolmentEntity>> ReadEnrolmentsAsync(string batchId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TrainingTables.Enrolments, cancellationToken);
        var rows = new List<TrainingEnrolmentEntity>();
        await foreach (var row in table.QueryAsync<TrainingEnrolmentEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {batchId}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// A new batch id, <c>{OFFICE}-{yyyy-MM}-{TRACK}-{hex}</c>, e.g. <c>LPP-KUPANG-2025-03-TENUNWEAVING-1A2B</c>: 4 random hex digits,
    /// or 8 derived from the action's key.
    /// </summary>
    private static string NewBatchId(string office, TrainingTrack track, DateOnly start, string? actionKey) =>
        $"{office.ToUpperInvariant()}-{Dates.Format(start)[..7]}-{track.ToString().ToUpperInvariant()}-" +
        (actionKey is null ? RandomNumberGenerator.GetHexString(4) : StableIds.From(actionKey, 8).ToUpperInvariant());

    /// <summary>The office a batch id starts with (the longest known code), so a batch is read with one point read.</summary>
    private static string? OfficeOf(string batchId) => Offices.Seed
        .Where(office => batchId.StartsWith(office.Code + "-", StringComparison.Ordinal))
        .MaxBy(office => office.Code.Length)?.Code;
}

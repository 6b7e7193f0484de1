using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;
using PepFunctions.App.Staff;

namespace PepFunctions.App.Cases;

public sealed partial class CaseService
{
    // Each action takes its idempotency key (IdempotencyKeys.ForAsync) and stores it with what it records. A retry of the
    // same action (after a timeout, or a crash at any point) finds its own record, skips the stage and running checks
    // that its first attempt has since made false, writes the same timeline entry (keyed by the action key, at the
    // recorded time) and raises the event again: the pipeline ignores an event it has had (CaseWaits). Another action
    // finding the record taken still gets 409.

    /// <summary>Records the assessment (Assessment stage only), scores it, and moves the pipeline on to training.</summary>
    public async Task<AssessmentResponse> RecordAssessmentAsync(
        StaffMember staff, string caseId, AssessmentRequest request, string actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var assessment = CaseRequestRules.ToAssessment(request);
        var found = await RequireAllowedAsync(staff, PipelineAction.RecordAssessment, caseId, cancellationToken);
        var retry = found.AssessmentKey == actionKey;
        if (!retry)
        {
            await RequireRunningAsync(client, caseId, cancellationToken);
        }

        var scores = AssessmentScoring.Recommend(assessment);
        var now = clock.GetUtcNow();
        IReadOnlyList<TrainingTrack> recommended = [.. scores.Where(s => s.Score > 0).Take(3).Select(s => s.Track)];
        var row = await unfinished.OpenAsync(caseId, "assessment", now, cancellationToken);
        var saved = await ClosedIfRefusedAsync(row, cases.UpdateAsync(caseId, record =>
        {
            if (record.AssessmentKey == actionKey)
            {
                return false;
            }

            RequireStage(record, PipelineStage.Assessment, "an assessment");
            if (record.AssessmentJson is not null)
            {
                throw new ConflictException($"The assessment of case '{caseId}' was recorded already.");
            }

            record.AssessmentJson = RecordJson.Serialize(assessment);
            record.RecommendationsJson = RecordJson.Serialize(scores);
            record.RecommendedTracks = string.Join(',', recommended);
            record.AssessedBy = staff.Username;
            record.AssessedAt = now;
            record.AssessmentKey = actionKey;
            return true;
        }, cancellationToken), cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' was not found.");

        await TellAssessmentAsync(saved, client, cancellationToken);
        await unfinished.CloseAsync(row, cancellationToken);
        return new AssessmentResponse(caseId, recommended, scores);
    }

    /// <summary>Records a release (before release only); the pipeline hands the case to the Bapas and lays out the follow-ups.</summary>
    public async Task<CaseActionAccepted> RecordReleaseAsync(
        StaffMember staff, string caseId, ReleaseRequest request, string actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(request);
        CaseRequestRules.ToReleaseRecord(request, LatestToday());
        var record = await RequireAllowedAsync(staff, PipelineAction.RecordRelease, caseId, cancellationToken);
        var today = Today(record.OfficeCode);
        var release = CaseRequestRules.ToReleaseRecord(request, today);
        var retry = record.ReleaseKey == actionKey;
        // A retry may come before or after the pipeline has handed the case to the Bapas.
        var bapas = retry && Offices.Find(record.OfficeCode)?.Kind == OfficeKind.Bapas
            ? record.OfficeCode
            : Offices.BapasFor(record.OfficeCode)?.Code ?? record.OfficeCode;
        await CaseRequestRules.CheckMentorAsync(directory, request.Mentor, bapas, "mentor", cancellationToken);
        if (!retry && !string.IsNullOrWhiteSpace(request.Mentor)
            && (await directory.FindAsync(request.Mentor.Trim(), cancellationToken))?.Role == StaffRole.PokmasMentor
            && !CaseConsents.Covers(record.ConsentJson, ConsentPurpose.ShareWithMentors))
        {
            throw CaseConsents.Missing(caseId, ConsentPurpose.ShareWithMentors);
        }

        if (!retry)
        {
            await RequireRunningAsync(client, caseId, cancellationToken);
        }

        // Released today: follow-ups count from now. An earlier day: from that day's start in the office's zone.
        var now = clock.GetUtcNow();
        var releasedAt = release.ReleaseDate == today ? now : AtMidnight(record.OfficeCode, release.ReleaseDate);
        DateTimeOffset? supervisionEnd = release.SupervisionEnd() is { } end ? AtMidnight(record.OfficeCode, end) : null;
        var row = await unfinished.OpenAsync(caseId, "release", now, cancellationToken);
        var saved = await ClosedIfRefusedAsync(row, cases.UpdateAsync(caseId, current =>
        {
            if (current.ReleaseKey == actionKey)
            {
                return false;
            }

            if (current.ReleaseKind is not null)
            {
                throw new ConflictException($"The release of case '{caseId}' was recorded already.");
            }

            if (current.StageValue is not (PipelineStage.Training or PipelineStage.AwaitingRelease))
            {
                throw new ConflictException($"Case '{caseId}' is at the {current.Stage} stage; a release is recorded during training.");
            }

            current.ReleaseKind = release.Kind.ToString();
            current.ReleasedAt = releasedAt;
            current.SupervisionEnd = supervisionEnd;
            current.ReleaseRecordedBy = staff.Username;
            current.ReleaseKey = actionKey;
            current.ReleaseRecordedAt = now;
            current.ReleaseMentor = request.Mentor?.Trim();
            return true;
        }, cancellationToken), cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' was not found.");

        // On a retry, the event carries what the first attempt stored (a release "today" keeps its first time).
        await TellReleaseAsync(saved, staff.Username, release.Kind, release.ReleaseDate, client, cancellationToken);
        await unfinished.CloseAsync(row, cancellationToken);
        return Accepted(caseId);
    }

    /// <summary>Records follow-up <paramref name="sequence"/> of a released case.</summary>
    public async Task<CaseActionAccepted> RecordFollowUpAsync(
        StaffMember staff, string caseId, int sequence, FollowUpRequest request, string actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        CaseRequestRules.ToVisit(request, sequence, LatestToday());
        var record = await RequireAllowedAsync(staff, PipelineAction.RecordFollowUp, caseId, cancellationToken);
        var visit = CaseRequestRules.ToVisit(request, sequence, Today(record.OfficeCode));
        var earlier = await followUps.FindAsync(caseId, sequence, cancellationToken);
        if (earlier?.RecordKey != actionKey)
        {
            RequireStage(record, PipelineStage.Mentoring, "a follow-up");
            await RequireRunningAsync(client, caseId, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var row = await unfinished.OpenAsync(caseId, "follow-up", now, cancellationToken);
        var saved = await ClosedIfRefusedAsync(row, followUps.RecordAsync(caseId, sequence, RecordJson.Serialize(visit), staff.Username, now, actionKey, cancellationToken), cancellationToken);
        await TellFollowUpAsync(saved, client, cancellationToken);
        await unfinished.CloseAsync(row, cancellationToken);
        return Accepted(caseId);
    }

    /// <summary>Withdraws the person from the programme; the pipeline ends the case as Withdrawn.</summary>
    public async Task<CaseActionAccepted> WithdrawAsync(
        StaffMember staff, string caseId, WithdrawalRequest request, string actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(request);
        var reason = CaseRequestRules.ToWithdrawalReason(request);
        var found = await RequireAllowedAsync(staff, PipelineAction.Withdraw, caseId, cancellationToken);
        if (found.WithdrawalKey != actionKey)
        {
            await RequireRunningAsync(client, caseId, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var row = await unfinished.OpenAsync(caseId, "withdrawal", now, cancellationToken);
        var saved = await ClosedIfRefusedAsync(row, cases.UpdateAsync(caseId, record =>
        {
            if (record.WithdrawalKey == actionKey)
            {
                return false;
            }

            if (record.IsClosed || record.WithdrawalReason is not null)
            {
                throw new ConflictException($"Case '{caseId}' has ended or is being withdrawn already.");
            }

            record.WithdrawalReason = reason.ToString();
            record.WithdrawalNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            record.WithdrawalKey = actionKey;
            record.WithdrawalRequestedAt = now;
            record.WithdrawalRequestedBy = staff.Username;
            return true;
        }, cancellationToken), cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' was not found.");

        await TellWithdrawalAsync(saved, client, cancellationToken);
        await unfinished.CloseAsync(row, cancellationToken);
        return Accepted(caseId);
    }

    /// <summary>
    /// Moves a case to another office: record, summary and open follow-ups. The staff member must be allowed to
    /// transfer at both offices (<see cref="AccessPolicy"/>), so in practice a Kanwil coordinator within the
    /// province, or an administrator. A retry of the same transfer finishes it (summary, follow-ups, timeline).
    /// </summary>
    public async Task<CaseResponse> TransferAsync(StaffMember staff, string caseId, TransferRequest request, string actionKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(request);
        var target = CaseRequestRules.ToOffice(request.OfficeCode, "officeCode");
        var record = await RequireVisibleAsync(staff, caseId, cancellationToken);
        var retry = record.TransferKey == actionKey;
        var from = retry ? record.TransferredFrom ?? record.OfficeCode : record.OfficeCode;
        Require(staff, PipelineAction.Transfer, from);
        Require(staff, PipelineAction.Transfer, target.Code);
        var released = record.ReleaseKind is not null && record.StageValue != PipelineStage.Training;
        if (!retry)
        {
            CaseRequestRules.CheckTransferTarget(record.OfficeCode, target, released);
        }

        string? mentor = null;
        if (released)
        {
            await CaseRequestRules.CheckMentorAsync(directory, request.Mentor, target.Code, "mentor", cancellationToken);
            mentor = request.Mentor?.Trim() ?? StaffDirectory.DefaultMentor(await directory.ListAsync(cancellationToken), target.Code);
        }

        var now = clock.GetUtcNow();
        var moved = await cases.UpdateAsync(caseId, current =>
        {
            if (current.TransferKey == actionKey)
            {
                return false;
            }

            if (current.IsClosed)
            {
                throw new ConflictException($"Case '{caseId}' has ended; it cannot be transferred.");
            }

            current.OfficeCode = target.Code;
            current.Province = target.Province;
            current.TransferKey = actionKey;
            current.TransferredAt = now;
            current.TransferredFrom = from;
            if (released)
            {
                current.BapasCode = target.Code;
                current.MentorUsername = mentor;
            }

            return true;
        }, cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' was not found.");

        if (retry || moved.TransferKey == actionKey && moved.TransferredAt != now)
        {
            // The first attempt moved the record; it may have stopped before the summary moved with it.
            await cases.RepairSummaryAsync(caseId, cancellationToken);
        }

        if (released)
        {
            await followUps.ReassignAsync(caseId, target.Code, mentor, cancellationToken);
        }

        await timeline.AppendAsync(caseId, moved.TransferredAt ?? now, staff.Username, TimelineAction.Transferred,
            TimelineDetail.Transferred(from, target.Code), key: actionKey, cancellationToken);
        logger.LogInformation("Case {CaseId} transferred from {From} to {To} by {Username}", caseId, from, target.Code, staff.Username);
        return CaseResponse.From(moved, [], null);
    }

    /// <summary>Raises an event unless the pipeline has ended (a retry after the first attempt's event closed it).</summary>
    private static async Task RaiseIfRunningAsync(DurableTaskClient client, string caseId, string eventName, object payload, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, cancellationToken);
        if (instance is not null && !instance.IsCompleted)
        {
            await client.RaiseEventAsync(caseId, eventName, payload, cancellationToken);
        }
    }

    /// <summary>Checks, before anything is written, that the case's pipeline is there to be told.</summary>
    /// <remarks>
    /// Read rather than left to the raise: the Functions host and the local engine answer an event for a missing or
    /// ended instance differently (an error, or a message silently dropped). A pipeline that ends between this read
    /// and the raise has nothing left to do with the event; the record keeps what staff recorded.
    /// </remarks>
    /// <exception cref="ConflictException">The case has no pipeline, or it has ended.</exception>
    private static async Task RequireRunningAsync(DurableTaskClient client, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(caseId, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            throw new ConflictException(instance is null
                ? $"Case '{caseId}' has no pipeline."
                : $"The pipeline of case '{caseId}' has ended ({instance.RuntimeStatus}).");
        }
    }

    private static void RequireStage(CaseEntity record, PipelineStage stage, string what)
    {
        if (record.IsClosed || record.StageValue != stage)
        {
            throw new ConflictException($"Case '{record.CaseId}' is at the {record.Stage} stage; {what} is recorded at the {stage} stage.");
        }
    }

    /// <summary>Today in the office's own zone: staff date visits and releases by their calendar, not UTC's.</summary>
    private DateOnly Today(string officeCode) => Offices.LocalDate(officeCode, clock.GetUtcNow());

    /// <summary>
    /// Today in Indonesia's easternmost zone (WIT), the latest date any office can have: the request's own fields are
    /// checked against it before the case is read (400 naming them), and against the case office's date after.
    /// </summary>
    private DateOnly LatestToday() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(9));

    private static CaseActionAccepted Accepted(string caseId) => new(caseId, PathOf(caseId));
}

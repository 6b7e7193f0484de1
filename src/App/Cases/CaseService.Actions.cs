using PepFunctions.App.Http;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Cases;

internal sealed partial class CaseService
{
    /// <summary>Records the assessment (Assessment stage only), scores it, and moves the pipeline on to training.</summary>
    public async Task<AssessmentResponse> RecordAssessmentAsync(StaffMember staff, string caseId, AssessmentRequest request, CancellationToken cancellationToken)
    {
        var assessment = CaseRequestRules.ToAssessment(request);
        await RequireAllowedAsync(staff, PipelineAction.RecordAssessment, caseId, cancellationToken);
        var scores = AssessmentScoring.Recommend(assessment);
        var now = clock.GetUtcNow();
        IReadOnlyList<TrainingTrack> recommended = [.. scores.Where(s => s.Score > 0).Take(3).Select(s => s.Track)];
        await cases.UpdateAsync(caseId, record =>
        {
            RequireStage(record, PipelineStage.Assessment, "an assessment");
            if (record.AssessmentJson is not null)
            {
                throw new ConflictException($"The assessment of case '{caseId}' was recorded already.");
            }

            record.AssessmentJson = JsonDataConverter.Default.Serialize(assessment);
            record.RecommendationsJson = JsonDataConverter.Default.Serialize(scores);
            record.RecommendedTracks = string.Join(',', recommended);
            record.AssessedBy = staff.Username;
            record.AssessedAt = now;
            return true;
        }, cancellationToken);

        await timeline.AppendAsync(caseId, now, staff.Username, TimelineAction.AssessmentRecorded,
            TimelineDetail.AssessmentRecorded(recommended), key: null, cancellationToken);
        await RaiseAsync(caseId, CaseEvents.AssessmentRecorded, new AssessmentRecorded(staff.Username, recommended), cancellationToken);
        return new AssessmentResponse(caseId, recommended, scores);
    }

    /// <summary>Records a release (before release only); the pipeline hands the case to the Bapas and lays out the follow-ups.</summary>
    public async Task<CaseActionAccepted> RecordReleaseAsync(StaffMember staff, string caseId, ReleaseRequest request, CancellationToken cancellationToken)
    {
        var today = Today();
        var release = CaseRequestRules.ToReleaseRecord(request, today);
        var record = await RequireAllowedAsync(staff, PipelineAction.RecordRelease, caseId, cancellationToken);
        var bapas = Offices.BapasFor(record.OfficeCode)?.Code ?? record.OfficeCode;
        CaseRequestRules.CheckMentor(directory, request.Mentor, bapas, "mentor");

        // Released today: follow-ups count from now. An earlier day: from that day's start (UTC).
        var releasedAt = release.ReleaseDate == today ? clock.GetUtcNow() : AtMidnight(release.ReleaseDate);
        DateTimeOffset? supervisionEnd = release.SupervisionEnd() is { } end ? AtMidnight(end) : null;
        await cases.UpdateAsync(caseId, current =>
        {
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
            return true;
        }, cancellationToken);

        await timeline.AppendAsync(caseId, clock.GetUtcNow(), staff.Username, TimelineAction.ReleaseRecorded,
            TimelineDetail.ReleaseRecorded(release.Kind, release.ReleaseDate), key: null, cancellationToken);
        await RaiseAsync(caseId, CaseEvents.ReleaseRecorded,
            new ReleaseRecorded(release.Kind, releasedAt, supervisionEnd, request.Mentor?.Trim(), staff.Username), cancellationToken);
        return Accepted(caseId);
    }

    /// <summary>Records follow-up <paramref name="sequence"/> of a released case.</summary>
    public async Task<CaseActionAccepted> RecordFollowUpAsync(StaffMember staff, string caseId, int sequence, FollowUpRequest request, CancellationToken cancellationToken)
    {
        var visit = CaseRequestRules.ToVisit(request, sequence, Today());
        var record = await RequireAllowedAsync(staff, PipelineAction.RecordFollowUp, caseId, cancellationToken);
        RequireStage(record, PipelineStage.Mentoring, "a follow-up");
        var now = clock.GetUtcNow();
        await followUps.RecordAsync(caseId, sequence, JsonDataConverter.Default.Serialize(visit)!, staff.Username, now, cancellationToken);
        await timeline.AppendAsync(caseId, now, staff.Username, TimelineAction.FollowUpRecorded,
            TimelineDetail.FollowUpRecorded(sequence, visit), key: null, cancellationToken);
        await RaiseAsync(caseId, CaseEvents.FollowUpRecorded, new FollowUpRecorded(sequence, staff.Username), cancellationToken);
        return Accepted(caseId);
    }

    /// <summary>Withdraws the person from the programme; the pipeline ends the case as Withdrawn.</summary>
    public async Task<CaseActionAccepted> WithdrawAsync(StaffMember staff, string caseId, WithdrawalRequest request, CancellationToken cancellationToken)
    {
        var reason = CaseRequestRules.ToWithdrawalReason(request);
        await RequireAllowedAsync(staff, PipelineAction.Withdraw, caseId, cancellationToken);
        await cases.UpdateAsync(caseId, record =>
        {
            if (record.IsClosed || record.WithdrawalReason is not null)
            {
                throw new ConflictException($"Case '{caseId}' has ended or is being withdrawn already.");
            }

            record.WithdrawalReason = reason.ToString();
            record.WithdrawalNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            return true;
        }, cancellationToken);

        await timeline.AppendAsync(caseId, clock.GetUtcNow(), staff.Username, TimelineAction.WithdrawalRequested, TimelineDetail.WithdrawalRequested(reason), key: null, cancellationToken);
        await RaiseAsync(caseId, CaseEvents.Withdrawn, new CaseWithdrawn(reason, staff.Username), cancellationToken);
        return Accepted(caseId);
    }

    /// <summary>
    /// Moves a case to another office: record, summary and open follow-ups. The staff member must be allowed to
    /// transfer at both offices (<see cref="AccessPolicy"/>), so in practice a Kanwil coordinator within the
    /// province, or an administrator.
    /// </summary>
    public async Task<CaseResponse> TransferAsync(StaffMember staff, string caseId, TransferRequest request, CancellationToken cancellationToken)
    {
        var target = CaseRequestRules.ToOffice(request.OfficeCode, "officeCode");
        var record = await RequireVisibleAsync(staff, caseId, cancellationToken);
        Require(staff, PipelineAction.Transfer, record.OfficeCode);
        Require(staff, PipelineAction.Transfer, target.Code);
        var released = record.ReleaseKind is not null && record.StageValue != PipelineStage.Training;
        CaseRequestRules.CheckTransferTarget(record.OfficeCode, target, released);
        string? mentor = null;
        if (released)
        {
            CaseRequestRules.CheckMentor(directory, request.Mentor, target.Code, "mentor");
            mentor = request.Mentor?.Trim() ?? directory.All.FirstOrDefault(s => s.Role is StaffRole.BapasOfficer or StaffRole.PokmasMentor
                && string.Equals(s.OfficeCode, target.Code, StringComparison.OrdinalIgnoreCase))?.Username;
        }

        var from = record.OfficeCode;
        var moved = await cases.UpdateAsync(caseId, current =>
        {
            if (current.IsClosed)
            {
                throw new ConflictException($"Case '{caseId}' has ended; it cannot be transferred.");
            }

            current.OfficeCode = target.Code;
            current.Province = target.Province;
            if (released)
            {
                current.BapasCode = target.Code;
                current.MentorUsername = mentor;
            }

            return true;
        }, cancellationToken) ?? throw new NotFoundException($"Case '{caseId}' was not found.");

        if (released)
        {
            await followUps.ReassignAsync(caseId, target.Code, mentor, cancellationToken);
        }

        await timeline.AppendAsync(caseId, clock.GetUtcNow(), staff.Username, TimelineAction.Transferred, TimelineDetail.Transferred(from, target.Code), key: null, cancellationToken);
        logger.LogInformation("Case {CaseId} transferred from {From} to {To} by {Username}", caseId, from, target.Code, staff.Username);
        return CaseResponse.From(moved, [], null);
    }

    private async Task RaiseAsync(string caseId, string eventName, object payload, CancellationToken cancellationToken)
    {
        try
        {
            await client.RaiseEventAsync(caseId, eventName, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is InstanceNotFoundException or InvalidOperationException)
        {
            throw new ConflictException($"The pipeline of case '{caseId}' is not running: {ex.Message}");
        }
    }

    private static void RequireStage(CaseEntity record, PipelineStage stage, string what)
    {
        if (record.IsClosed || record.StageValue != stage)
        {
            throw new ConflictException($"Case '{record.CaseId}' is at the {record.Stage} stage; {what} is recorded at the {stage} stage.");
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static CaseActionAccepted Accepted(string caseId) => new(caseId, PathOf(caseId));
}

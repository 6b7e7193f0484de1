using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Privacy;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// What staff do to cases, one method per action, for the JSON API and the staff forms alike. Each method
/// takes the signed-in <see cref="StaffMember"/> and a request, checks it (400: <see cref="RequestValidationException"/>,
/// nothing stored), checks access (<see cref="AccessPolicy"/>: a case the staff member may not see is 404
/// <see cref="NotFoundException"/>, an action their role may not do is 403 <see cref="ForbiddenException"/>), checks the
/// case's state (409 <see cref="ConflictException"/>), then records it and tells the case's pipeline.
/// </summary>
/// <remarks>
/// The orchestration client comes from the calling function's <c>[DurableClient]</c> binding: methods that start,
/// signal or read the pipeline take it as their <see cref="DurableTaskClient"/> parameter.
/// </remarks>
public sealed partial class CaseService(
    CaseStore cases,
    FollowUpStore followUps,
    CaseTimeline timeline,
    StaffDirectory directory,
    CaseIdGenerator caseIds,
    ReadAudit reads,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<CaseService> logger,
    UnfinishedActions unfinished)
{
    /// <summary>The API path of a case.</summary>
    public static string PathOf(string caseId) => $"/api/cases/{Uri.EscapeDataString(caseId)}";

    /// <summary>Enrols a person: stores the record with the consent, then starts their pipeline.</summary>
    /// <remarks>
    /// The record carries <paramref name="actionKey"/>: a retry of the same enrolment (after a timeout or a crash at any
    /// point) finds its own record, writes the same timeline entry and starts the pipeline if it has not started. Any other
    /// enrolment that finds the case id taken gets 409 and never sees the record (its name and NIK belong to another request).
    /// </remarks>
    /// <exception cref="ConflictException">The person (office and registration number) is enrolled already.</exception>
    public async Task<CaseResponse> EnrolAsync(StaffMember staff, Enrollment request, string actionKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var enrollment = Normalise(request, staff, clock.GetUtcNow());
        if (enrollment.Validate() is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors);
        }

        var office = Offices.Find(enrollment.OfficeCode)!;
        Require(staff, PipelineAction.Enrol, office.Code);
        var caseId = caseIds.For(office.Code, enrollment.RegistrationNumber);
        var record = NewRecord(caseId, office, enrollment, staff);
        record.EnrolKey = actionKey;
        var row = await unfinished.OpenAsync(caseId, "enrolment", clock.GetUtcNow(), cancellationToken);
        if (!await cases.TryAddAsync(record, cancellationToken))
        {
            var existing = await cases.FindAsync(caseId, cancellationToken) ?? throw new ConflictException($"Case '{caseId}' is being enrolled; try again.");
            if (existing.EnrolKey != actionKey)
            {
                await unfinished.CloseAsync(row, cancellationToken);
                throw new ConflictException(string.Equals(existing.RegistrationNumber, enrollment.RegistrationNumber, StringComparison.OrdinalIgnoreCase)
                    ? $"Registration number '{enrollment.RegistrationNumber}' is enrolled at {office.Code} already, as case '{caseId}'."
                    : $"Registration number '{enrollment.RegistrationNumber}' maps to case '{caseId}', which registration number '{existing.RegistrationNumber}' at {office.Code} holds already.");
            }

            // This enrolment's own earlier attempt: finish what it left undone.
            record = existing;
            await cases.RepairSummaryAsync(caseId, cancellationToken);
        }

        await timeline.AppendAsync(caseId, record.CreatedAt, staff.Username, TimelineAction.Enrolled,
            TimelineDetail.Enrolled(office.Code, enrollment.Consent!.Scope), key: "enrolled", cancellationToken);
        if (await client.GetInstanceAsync(caseId, cancellationToken) is null)
        {
            await StartPipelineAsync(record, client, cancellationToken);
        }

        await unfinished.CloseAsync(row, cancellationToken);
        logger.LogInformation("Case {CaseId} enrolled at {OfficeCode} by {Username}", caseId, office.Code, staff.Username);
        return CaseResponse.From(record, [], OrchestrationRuntimeStatus.Pending);
    }

    /// <summary>Enrols a person for a caller with no request to take a key from (the demo seed): the key is the staff member's,
    /// so their repeated call resumes an enrolment of theirs that stopped half-way.</summary>
    public Task<CaseResponse> EnrolAsync(StaffMember staff, Enrollment request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return EnrolAsync(staff, request, "direct:" + staff.Username, client, cancellationToken);
    }

    /// <summary>The cases the staff member may see, optionally of one office and one stage, from the office summaries.</summary>
    /// <remarks>The read is audited (<see cref="ReadAudit"/>) as a <see cref="PersonalDataRead.CaseList"/>.</remarks>
    public Task<IReadOnlyList<CaseSummaryResponse>> ListAsync(StaffMember staff, CaseListQuery query, CancellationToken cancellationToken) =>
        ListAsync(staff, query, PersonalDataRead.CaseList, cancellationToken);

    /// <summary>The cases the staff member may see, as <see cref="ListAsync(StaffMember, CaseListQuery, CancellationToken)"/>; the read is audited as <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<CaseSummaryResponse>> ListAsync(
        StaffMember staff, CaseListQuery query, PersonalDataRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<FieldError>();
        var offices = OfficesToRead(staff, query.Office, errors);
        PipelineStage? stage = null;
        if (query.Stage is { Length: > 0 } stageName)
        {
            if (Enum.TryParse<PipelineStage>(stageName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                stage = parsed;
            }
            else
            {
                errors.Add(new("stage", $"'{stageName}' is not a stage; use one of {string.Join(", ", Enum.GetNames<PipelineStage>())}."));
            }
        }

        ThrowIfAny(errors);
        var lists = await Task.WhenAll(offices.Select(office => cases.ListAsync(office, stage, cancellationToken)));
        await reads.ListReadAsync(staff.Username, read, $"office={query.Office};stage={query.Stage}", lists.Sum(list => list.Count), cancellationToken);
        var visible = lists.SelectMany(list => list).Select(CaseSummaryResponse.From).Where(c => AccessPolicy.CanViewCase(staff, c.OfficeCode, c.Mentor)).ToList();
        if (staff.Role == StaffRole.PokmasMentor)
        {
            // A mentor's list is their own mentees (a few): each one's consent is read from the record.
            var consented = await Task.WhenAll(visible.Select(async c => (await cases.FindAsync(c.CaseId, cancellationToken)) is { IsErasing: false } record
                && CaseConsents.Covers(record.ConsentJson, ConsentPurpose.ShareWithMentors)));
            visible = [.. visible.Where((_, i) => consented[i])];
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            // Within the partitions read above: names never go into keys, so a search reads the office's summaries it lists anyway.
            visible = [.. visible.Where(c => c.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || c.RegistrationNumber.Contains(search, StringComparison.OrdinalIgnoreCase))];
        }

        if (!query.IncludeClosed)
        {
            visible = [.. visible.Where(c => c.Stage is not (PipelineStage.Graduated or PipelineStage.Withdrawn or PipelineStage.Ended))];
        }

        return [.. CaseListPage.Order(visible)];
    }

    /// <summary>A person's record, progress and follow-ups, with the pipeline's runtime status; the view is written to the timeline (audit).</summary>
    public async Task<CaseResponse> GetAsync(StaffMember staff, string caseId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var record = await RequireVisibleAsync(staff, caseId, cancellationToken);
        var followUpList = await followUps.ListAsync(caseId, cancellationToken);
        // Administrators see the pipeline's version, which it reports in its custom status (read only for them).
        var administrator = staff.Role == StaffRole.Administrator;
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: administrator, cancellationToken);
        await timeline.AppendAsync(caseId, clock.GetUtcNow(), staff.Username, TimelineAction.Viewed, null, key: null, cancellationToken);
        var mentoring = options.Value.ForMentoring();
        var now = clock.GetUtcNow();
        // Follow-ups closed with the case are neither open nor overdue: the case shows the visits that took place.
        return CaseResponse.From(record, [.. followUpList.Where(f => f.ClosedAt is null).Select(f => ToResponse(f, now, mentoring))], instance?.RuntimeStatus,
            administrator && instance is not null ? PipelineStatus.VersionOf(instance) : null);
    }

    /// <summary>The case's timeline, oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntryResponse>> GetTimelineAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        await RequireVisibleAsync(staff, caseId, cancellationToken);
        await reads.CaseReadAsync(staff.Username, PersonalDataRead.Timeline, caseId, null, cancellationToken);
        return [.. (await timeline.ListAsync(caseId, cancellationToken)).Select(TimelineEntryResponse.From)];
    }

    /// <summary>Open follow-ups due within <paramref name="window"/> days (7 when omitted) and overdue ones, of the offices the staff member sees.</summary>
    public async Task<IReadOnlyList<DueFollowUpResponse>> ListDueFollowUpsAsync(StaffMember staff, string? office, string? window, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var offices = OfficesToRead(staff, office, errors).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var days = 7;
        if (window is { Length: > 0 } && (!int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > 366))
        {
            errors.Add(new("window", "The window is a number of days from 0 to 366."));
        }

        ThrowIfAny(errors);
        var now = clock.GetUtcNow();
        var mentoring = options.Value.ForMentoring();
        // The index is by UTC day; the window is by each office's calendar, which is never behind UTC's (WIB, WITA, WIT).
        var rows = await followUps.ListDueAsync(LatestToday().AddDays(days), cancellationToken);
        await reads.ListReadAsync(staff.Username, PersonalDataRead.FollowUpList, $"office={office};window={days}", rows.Count, cancellationToken);
        var visible = rows.Where(row => offices.Contains(row.OfficeCode) && AccessPolicy.CanViewCase(staff, row.OfficeCode, row.MentorUsername)).ToList();
        if (staff.Role == StaffRole.PokmasMentor)
        {
            // As the case list: a mentor's own mentees (a few), each one's consent read from the record.
            var consented = await Task.WhenAll(visible.Select(async row => (await cases.FindAsync(row.CaseId, cancellationToken)) is { IsErasing: false } record
                && CaseConsents.AllowsMentor(staff, record.ConsentJson)));
            visible = [.. visible.Where((_, i) => consented[i])];
        }

        return [.. visible.Where(row => row.DueAt <= now || Offices.LocalDate(row.OfficeCode, row.DueAt) <= Offices.LocalDate(row.OfficeCode, now).AddDays(days))
            .Select(row => DueFollowUpResponse.From(row, row.State == nameof(FollowUpState.Overdue)
                ? FollowUpState.Overdue
                : FollowUpStateRule.Classify(row.DueAt, now, done: false, mentoring)))
            .OrderBy(row => row.DueAt)];
    }

    private static FollowUpResponse ToResponse(FollowUpEntity followUp, DateTimeOffset now, MentoringOptions mentoring)
    {
        var state = followUp.StateValue is FollowUpState.Done or FollowUpState.Overdue
            ? followUp.StateValue
            : FollowUpStateRule.Classify(followUp.DueAt, now, done: false, mentoring);
        var visit = followUp.VisitJson is null ? null : RecordJson.Deserialize<FollowUpVisit>(followUp.VisitJson);
        return new FollowUpResponse(followUp.Sequence, followUp.DueAt, state, followUp.MentorUsername, visit, followUp.RecordedBy, followUp.RecordedAt);
    }

    /// <remarks>The consent's recorder and time are the signed-in staff member and the server's clock, whatever the client sent.</remarks>
    private static Enrollment Normalise(Enrollment request, StaffMember staff, DateTimeOffset now) => request with
    {
        Consent = request.Consent is { } consent ? consent with { RecordedBy = staff.Username, RecordedAt = now } : null,
        OfficeCode = string.IsNullOrWhiteSpace(request.OfficeCode) ? staff.OfficeCode : request.OfficeCode.Trim(),
        RegistrationNumber = request.RegistrationNumber?.Trim()!,
        FullName = request.FullName?.Trim()!,
        Nik = string.IsNullOrWhiteSpace(request.Nik) ? null : request.Nik.Trim(),
    };

    private CaseEntity NewRecord(string caseId, Office office, Enrollment enrollment, StaffMember staff) => new()
    {
        PartitionKey = caseId,
        RowKey = caseId,
        OfficeCode = office.Code,
        LapasCode = office.Code,
        Province = office.Province,
        RegistrationNumber = enrollment.RegistrationNumber,
        FullName = enrollment.FullName,
        Nik = enrollment.Nik,
        ExpectedReleaseDate = enrollment.ExpectedReleaseDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ConsentJson = RecordJson.Serialize(enrollment.Consent!),
        Stage = nameof(PipelineStage.Enrollment),
        CreatedBy = staff.Username,
    };

    /// <summary>The offices a list reads: the one asked for (which must be known and visible), or every office the staff member sees.</summary>
    private static IReadOnlyList<string> OfficesToRead(StaffMember staff, string? officeCode, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(officeCode))
        {
            return [.. Offices.Seed.Where(o => AccessPolicy.CanView(staff, o.Code)).Select(o => o.Code)];
        }

        if (Offices.Find(officeCode) is not { } office)
        {
            errors.Add(new("office", $"'{officeCode}' is not a known office."));
            return [];
        }

        return AccessPolicy.CanView(staff, office.Code)
            ? [office.Code]
            : throw new ForbiddenException($"{staff.Username} does not see the cases of {office.Code}.");
    }

    /// <summary>
    /// Writes an administrator's use of an instance route on the case's pipeline to the case's timeline (and the log), before
    /// the route does it; nothing when <paramref name="instanceId"/> is not a case's pipeline.
    /// </summary>
    internal async Task AuditControlAsync(StaffMember admin, string instanceId, PipelineControl control, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        logger.LogInformation("Pipeline {InstanceId}: {Control} by {Username}", instanceId, control, admin.Username);
        if (CaseIdPattern().IsMatch(instanceId) && await cases.FindAsync(instanceId, cancellationToken) is not null)
        {
            await timeline.AppendAsync(instanceId, clock.GetUtcNow(), admin.Username, TimelineAction.PipelineControlled,
                TimelineDetail.PipelineControlled(control), key: null, cancellationToken);
        }
    }

    private async Task<CaseEntity> RequireVisibleAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        var record = CaseIdPattern().IsMatch(caseId) ? await cases.FindAsync(caseId, cancellationToken) : null;
        if (record is null || record.IsErasing || !AccessPolicy.CanViewCase(staff, record.OfficeCode, record.MentorUsername))
        {
            throw new NotFoundException($"Case '{caseId}' was not found.");
        }

        CaseConsents.RequireForMentor(staff, caseId, record.ConsentJson);
        return record;
    }

    private async Task<CaseEntity> RequireAllowedAsync(StaffMember staff, PipelineAction action, string caseId, CancellationToken cancellationToken)
    {
        var record = await RequireVisibleAsync(staff, caseId, cancellationToken);
        Require(staff, action, record.OfficeCode);
        return record;
    }

    private static void Require(StaffMember staff, PipelineAction action, string officeCode)
    {
        if (!AccessPolicy.CanPerform(staff, action, officeCode))
        {
            throw new ForbiddenException($"A {staff.Role} at {staff.OfficeCode} may not do {action} for {officeCode}.");
        }
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>The start of <paramref name="day"/> in the office's zone (an expected release is due when the office's day begins).</summary>
    private static DateTimeOffset AtMidnight(string officeCode, DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), Offices.TimeZoneOf(officeCode).BaseUtcOffset);

    [GeneratedRegex("^case-[a-z0-9-]{1,200}$")]
    private static partial Regex CaseIdPattern();
}

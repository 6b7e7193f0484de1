using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>The external events the case pipeline waits for; staff actions raise them through the API and forms.</summary>
/// <remarks>
/// Raise them only while the pipeline runs (read its status first): an event for a missing or ended instance is an
/// error on one host and silently dropped on another. Events that arrive while the pipeline is busy are kept until it
/// waits for them (see <see cref="V1.CaseWaitsV1"/>).
/// </remarks>
public static class CaseEvents
{
    /// <summary>Payload <see cref="Cases.AssessmentRecorded"/>.</summary>
    public const string AssessmentRecorded = nameof(AssessmentRecorded);

    /// <summary>Payload <see cref="Cases.ReleaseRecorded"/>.</summary>
    public const string ReleaseRecorded = nameof(ReleaseRecorded);

    /// <summary>Payload <see cref="Cases.FollowUpRecorded"/>.</summary>
    public const string FollowUpRecorded = nameof(FollowUpRecorded);

    /// <summary>Payload <see cref="Cases.SalesRecorded"/>.</summary>
    public const string SalesRecorded = nameof(SalesRecorded);

    /// <summary>Payload <see cref="CaseWithdrawn"/>.</summary>
    public const string Withdrawn = nameof(Withdrawn);
}

/// <summary>
/// Starts one person's pipeline. Holds no name or NIK: those stay in the case record; the
/// orchestration knows the person only by case id. The durations are fixed at start, so a
/// configuration change never changes a running pipeline's replay.
/// </summary>
/// <remarks>
/// Old instances read a field added here as its default: a new field is read only by a pipeline version that was
/// written with it (<see cref="Resume"/> by version 2 and later).
/// </remarks>
public sealed record CaseStart(string CaseId, string OfficeCode, DateTimeOffset ExpectedRelease, CaseDurations Durations, CaseResume? Resume = null);

/// <summary>
/// Where a restarted pipeline picks up (an administrator's restart of a failed one, from the case record); null for an enrolment.
/// </summary>
/// <param name="Stage">The stage the case record is at.</param>
/// <param name="Release">The release the record holds, from <see cref="PipelineStage.Mentoring"/> on (already applied to the record).</param>
/// <param name="NextFollowUp">The follow-up the record waits for; null once they are all past (marketing).</param>
public sealed record CaseResume(PipelineStage Stage, ReleaseRecorded? Release, int? NextFollowUp);

/// <summary>The pipeline's durations (from <see cref="PipelineOptions"/>).</summary>
public sealed record CaseDurations(
    TimeSpan AssessmentDeadline,
    TimeSpan FollowUpInterval,
    int FollowUpCount,
    TimeSpan ReminderLead,
    TimeSpan GracePeriod,
    int GraduationMonths,
    TimeSpan ProgrammePeriod)
{
    /// <summary>The durations configured now.</summary>
    public static CaseDurations From(PipelineOptions options) => new(
        options.AssessmentDeadline, options.FollowUpInterval, options.FollowUpCount, options.ReminderLead,
        options.GracePeriod, options.GraduationMonths, options.ProgrammePeriod);

    /// <summary>The mentoring part, as <see cref="FollowUpSchedule"/> takes it.</summary>
    public MentoringOptions Mentoring => new()
    {
        FollowUpInterval = FollowUpInterval,
        FollowUpCount = FollowUpCount,
        ReminderLead = ReminderLead,
        GracePeriod = GracePeriod,
    };
}

/// <summary>An assessment was recorded; the pipeline moves on to training.</summary>
public sealed record AssessmentRecorded(string RecordedBy, IReadOnlyList<TrainingTrack> RecommendedTracks);

/// <summary>The person was released (recorded by staff, or by the pipeline on the expected date).</summary>
public sealed record ReleaseRecorded(ReleaseKind Kind, DateTimeOffset ReleasedAt, DateTimeOffset? SupervisionEnd, string? MentorUsername, string RecordedBy);

/// <summary>A mentor recorded follow-up number <paramref name="Sequence"/> (1-based).</summary>
public sealed record FollowUpRecorded(int Sequence, string RecordedBy);

/// <summary>Monthly sales were recorded; the pipeline checks whether the person has graduated.</summary>
public sealed record SalesRecorded(string RecordedBy);

/// <summary>The person left the programme.</summary>
/// <remarks>The staff member's note stays on the case record: free text may name people, and events travel through the work queue.</remarks>
public sealed record CaseWithdrawn(WithdrawalReason Reason, string RecordedBy);

/// <summary>The custom status every step sets: where the person stands and what is due next.</summary>
public sealed record CaseProgress(PipelineStage Stage, DateTimeOffset? NextDueAt, string? NextDue, int? FollowUp = null);

/// <summary>How a pipeline ended.</summary>
public sealed record CaseOutcome(PipelineStage Stage, string Reason);

using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>The external events the case pipeline waits for; staff actions raise them through the API and forms.</summary>
internal static class CaseEvents
{
    public const string AssessmentRecorded = nameof(AssessmentRecorded);
    public const string ReleaseRecorded = nameof(ReleaseRecorded);
    public const string FollowUpRecorded = nameof(FollowUpRecorded);
    public const string SalesRecorded = nameof(SalesRecorded);
    public const string Withdrawn = nameof(Withdrawn);
}

/// <summary>
/// Starts one person's pipeline. Holds no name or NIK: those stay in the case record; the
/// orchestration knows the person only by case id. The durations are fixed at start, so a
/// configuration change never changes a running pipeline's replay.
/// </summary>
internal sealed record CaseStart(string CaseId, string OfficeCode, DateTimeOffset ExpectedRelease, CaseDurations Durations);

/// <summary>The pipeline's durations (from <see cref="PipelineOptions"/>).</summary>
internal sealed record CaseDurations(
    TimeSpan AssessmentDeadline,
    TimeSpan FollowUpInterval,
    int FollowUpCount,
    TimeSpan ReminderLead,
    TimeSpan GracePeriod,
    int GraduationMonths,
    TimeSpan ProgrammePeriod)
{
    public static CaseDurations From(PipelineOptions options) => new(
        options.AssessmentDeadline, options.FollowUpInterval, options.FollowUpCount, options.ReminderLead,
        options.GracePeriod, options.GraduationMonths, options.ProgrammePeriod);

    public MentoringOptions Mentoring => new()
    {
        FollowUpInterval = FollowUpInterval,
        FollowUpCount = FollowUpCount,
        ReminderLead = ReminderLead,
        GracePeriod = GracePeriod,
    };
}

/// <summary>An assessment was recorded; the pipeline moves on to training.</summary>
internal sealed record AssessmentRecorded(string RecordedBy, IReadOnlyList<TrainingTrack> RecommendedTracks);

/// <summary>The person was released (recorded by staff, or by the pipeline on the expected date).</summary>
internal sealed record ReleaseRecorded(ReleaseKind Kind, DateTimeOffset ReleasedAt, DateTimeOffset? SupervisionEnd, string? MentorUsername, string RecordedBy);

/// <summary>A mentor recorded follow-up number <paramref name="Sequence"/> (1-based).</summary>
internal sealed record FollowUpRecorded(int Sequence, string RecordedBy);

/// <summary>Monthly sales were recorded; the pipeline checks whether the person has graduated.</summary>
internal sealed record SalesRecorded(string RecordedBy);

/// <summary>The person left the programme.</summary>
/// <remarks>The staff member's note stays on the case record: free text may name people, and events travel through the work queue.</remarks>
internal sealed record CaseWithdrawn(WithdrawalReason Reason, string RecordedBy);

/// <summary>The custom status every step sets: where the person stands and what is due next.</summary>
internal sealed record CaseProgress(PipelineStage Stage, DateTimeOffset? NextDueAt, string? NextDue, int? FollowUp = null);

/// <summary>How a pipeline ended.</summary>
internal sealed record CaseOutcome(PipelineStage Stage, string Reason);

namespace PepFunctions.Domain;

/// <summary>Every duration and number the pipeline runs by, with the programme's defaults.</summary>
/// <remarks>
/// Bind it from configuration (section <see cref="SectionName"/>; durations as <c>d.hh:mm:ss</c>) and check it
/// with <see cref="Validate"/> on start. Pass it into the case orchestration as input, so a running case keeps
/// the timings it started with. Tests and demos shorten the durations to seconds.
/// </remarks>
public sealed record PipelineOptions
{
    /// <summary>The configuration section it binds from.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>How long after enrolment the assessment should be recorded before it is flagged; 14 days.</summary>
    public TimeSpan AssessmentDeadline { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Time between follow-ups after release; 30 days.</summary>
    public TimeSpan FollowUpInterval { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Follow-ups after a release that is not PB; 12.</summary>
    public int FollowUpCount { get; init; } = 12;

    /// <summary>How long before a follow-up is due the mentor is reminded; 3 days.</summary>
    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromDays(3);

    /// <summary>How long after its due date a follow-up may still be done before it escalates; 7 days.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long to wait for a financing partner's answer before the mentor is asked to chase it; 14 days.</summary>
    public TimeSpan ReferralWait { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Distinct months with sales needed to graduate (<see cref="GraduationRule"/>); 3.</summary>
    public int GraduationMonths { get; init; } = 3;

    /// <summary>How long after release a case stays open before it ends without graduation; 730 days (two years).</summary>
    public TimeSpan ProgrammePeriod { get; init; } = TimeSpan.FromDays(730);

    /// <summary>Attendance needed to complete training (<see cref="CompletionRule"/>), in percent; 80.</summary>
    public int AttendanceThresholdPercent { get; init; } = CompletionRule.DefaultThresholdPercent;

    /// <summary>Participants per training batch unless a batch says otherwise; 30.</summary>
    public int BatchCapacity { get; init; } = TrainingBatch.DefaultCapacity;

    /// <summary>The mentoring timings, for <see cref="FollowUpSchedule"/> and <see cref="FollowUpStateRule"/>.</summary>
    public MentoringOptions ForMentoring() => new()
    {
        FollowUpInterval = FollowUpInterval,
        FollowUpCount = FollowUpCount,
        ReminderLead = ReminderLead,
        GracePeriod = GracePeriod,
    };

    /// <summary>What is wrong with the options, field by field; empty when they are usable.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();

        void Positive(TimeSpan value, string field)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add(new(field, $"{field} must be longer than zero."));
            }
        }

        void AtLeast(int value, int minimum, string field)
        {
            if (value < minimum)
            {
                errors.Add(new(field, $"{field} must be at least {minimum}."));
            }
        }

        Positive(AssessmentDeadline, nameof(AssessmentDeadline));
        Positive(FollowUpInterval, nameof(FollowUpInterval));
        Positive(ReminderLead, nameof(ReminderLead));
        Positive(ReferralWait, nameof(ReferralWait));
        Positive(ProgrammePeriod, nameof(ProgrammePeriod));
        AtLeast(FollowUpCount, 1, nameof(FollowUpCount));
        AtLeast(GraduationMonths, 1, nameof(GraduationMonths));
        AtLeast(AttendanceThresholdPercent, 1, nameof(AttendanceThresholdPercent));
        AtLeast(BatchCapacity, 1, nameof(BatchCapacity));

        if (GracePeriod < TimeSpan.Zero)
        {
            errors.Add(new(nameof(GracePeriod), $"{nameof(GracePeriod)} must not be negative."));
        }

        if (AttendanceThresholdPercent > 100)
        {
            errors.Add(new(nameof(AttendanceThresholdPercent), $"{nameof(AttendanceThresholdPercent)} must be at most 100."));
        }

        if (ReminderLead >= FollowUpInterval && FollowUpInterval > TimeSpan.Zero)
        {
            errors.Add(new(nameof(ReminderLead), $"{nameof(ReminderLead)} must be shorter than {nameof(FollowUpInterval)}, or reminders would come before the previous follow-up."));
        }

        return errors;
    }
}

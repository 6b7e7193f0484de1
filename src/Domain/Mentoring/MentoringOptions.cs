namespace PepFunctions.Domain;

/// <summary>The timing of <i>pendampingan</i> (mentoring) after release; <see cref="PipelineOptions.ForMentoring"/> builds it from configuration.</summary>
/// <remarks>Every duration is configurable so tests and demos can run months of follow-ups in seconds.</remarks>
public sealed record MentoringOptions
{
    /// <summary>Time between follow-ups; 30 days (monthly) by default.</summary>
    public TimeSpan FollowUpInterval { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How many follow-ups after a release that is not PB; 12 (a year) by default.</summary>
    public int FollowUpCount { get; init; } = 12;

    /// <summary>
    /// The most follow-ups a schedule holds, whatever the supervision period: a PB (parole) schedule runs until
    /// supervision ends, which with the short intervals of demos and tests would otherwise mean thousands.
    /// </summary>
    public int MaxFollowUps { get; init; } = 60;

    /// <summary>How long before a due date a follow-up becomes <see cref="FollowUpState.Upcoming"/> and a reminder goes out; 3 days by default.</summary>
    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromDays(3);

    /// <summary>How long after its due date a follow-up may still be done before it is <see cref="FollowUpState.Overdue"/> and escalated; 7 days by default.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The defaults.</summary>
    public static MentoringOptions Default { get; } = new();
}

namespace PepFunctions.Domain;

/// <summary>Classifies a follow-up as scheduled, upcoming, due, overdue or done.</summary>
/// <remarks>
/// With <c>lead</c> = <see cref="MentoringOptions.ReminderLead"/> and <c>grace</c> = <see cref="MentoringOptions.GracePeriod"/>:
/// <list type="bullet">
/// <item><description><see cref="FollowUpState.Done"/> once recorded, whatever the date;</description></item>
/// <item><description><see cref="FollowUpState.Scheduled"/> while <c>now &lt; due − lead</c>;</description></item>
/// <item><description><see cref="FollowUpState.Upcoming"/> while <c>due − lead ≤ now &lt; due</c>;</description></item>
/// <item><description><see cref="FollowUpState.Due"/> while <c>due ≤ now ≤ due + grace</c>;</description></item>
/// <item><description><see cref="FollowUpState.Overdue"/> once <c>now &gt; due + grace</c>.</description></item>
/// </list>
/// The date overload counts whole days: with the defaults (3 and 7 days), a follow-up due on the 10th is
/// upcoming from the 7th, due from the 10th to the 17th, and overdue from the 18th.
/// </remarks>
public static class FollowUpStateRule
{
    /// <summary>The state of a follow-up due at <paramref name="due"/>, seen at <paramref name="now"/>.</summary>
    public static FollowUpState Classify(DateTimeOffset due, DateTimeOffset now, bool done, MentoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (done)
        {
            return FollowUpState.Done;
        }

        if (now < due - options.ReminderLead)
        {
            return FollowUpState.Scheduled;
        }

        if (now < due)
        {
            return FollowUpState.Upcoming;
        }

        return now <= due + options.GracePeriod ? FollowUpState.Due : FollowUpState.Overdue;
    }

    /// <summary>The state of a follow-up due on <paramref name="due"/>, seen on <paramref name="today"/>.</summary>
    public static FollowUpState Classify(DateOnly due, DateOnly today, bool done, MentoringOptions options) =>
        Classify(AtMidnight(due), AtMidnight(today), done, options);

    private static DateTimeOffset AtMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

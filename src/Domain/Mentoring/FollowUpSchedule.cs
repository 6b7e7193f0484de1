namespace PepFunctions.Domain;

/// <summary>When the follow-ups after a release are due.</summary>
/// <remarks>
/// <para>
/// The n-th follow-up is due <c>n × FollowUpInterval</c> after release. After a PB (parole) release the
/// follow-ups continue until supervision ends — the last one falls on or before that day — because the
/// PK supervising the parole is also the mentor; PB supervision always lasts at least a year. After any other
/// release there are <see cref="MentoringOptions.FollowUpCount"/> of them.
/// </para>
/// <para>
/// <see cref="Create(DateOnly, ReleaseKind, DateOnly?, MentoringOptions)"/> gives calendar dates for forms and
/// lists, and needs an interval of whole days; <see cref="CreateTimes"/> gives instants for durable timers, and
/// accepts any positive interval.
/// </para>
/// </remarks>
public static class FollowUpSchedule
{
    /// <summary>The due dates of the follow-ups after a release, in order.</summary>
    /// <param name="releaseDate">The day of release.</param>
    /// <param name="kind">How the person was released.</param>
    /// <param name="supervisionEnd">The last day of supervision; required for <see cref="ReleaseKind.Parole"/>, ignored otherwise.</param>
    /// <param name="options">Interval and count.</param>
    public static IReadOnlyList<DateOnly> Create(DateOnly releaseDate, ReleaseKind kind, DateOnly? supervisionEnd, MentoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FollowUpInterval.Ticks % TimeSpan.TicksPerDay != 0)
        {
            throw new ArgumentException("Dated follow-up schedules need a FollowUpInterval of whole days; use CreateTimes for shorter intervals.", nameof(options));
        }

        var start = releaseDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        DateTimeOffset? end = supervisionEnd?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return [.. CreateTimes(start, kind, end, options).Select(due => DateOnly.FromDateTime(due.UtcDateTime))];
    }

    /// <summary>The instants the follow-ups after a release are due, in order: for durable timers.</summary>
    /// <param name="releasedAt">When the person was released.</param>
    /// <param name="kind">How the person was released.</param>
    /// <param name="supervisionEnd">When supervision ends; required for <see cref="ReleaseKind.Parole"/>, ignored otherwise.</param>
    /// <param name="options">Interval and count.</param>
    public static IReadOnlyList<DateTimeOffset> CreateTimes(DateTimeOffset releasedAt, ReleaseKind kind, DateTimeOffset? supervisionEnd, MentoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FollowUpInterval, TimeSpan.Zero, nameof(options));

        if (kind != ReleaseKind.Parole)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(options.FollowUpCount, 1, nameof(options));
            return [.. Enumerable.Range(1, options.FollowUpCount).Select(n => releasedAt + (n * options.FollowUpInterval))];
        }

        if (supervisionEnd is not { } end || end < releasedAt)
        {
            throw new ArgumentException("A PB (parole) release needs a supervision end on or after the release.", nameof(supervisionEnd));
        }

        var dues = new List<DateTimeOffset>();
        for (var due = releasedAt + options.FollowUpInterval; due <= end && dues.Count < options.MaxFollowUps; due += options.FollowUpInterval)
        {
            dues.Add(due);
        }

        return dues;
    }
}

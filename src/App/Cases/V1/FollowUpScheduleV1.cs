using PepFunctions.Domain;

namespace PepFunctions.App.Cases.V1;

/// <summary>When the follow-ups of pipeline version 1 are due: its frozen copy of <see cref="FollowUpSchedule.CreateTimes"/>.</summary>
/// <remarks>
/// The n-th follow-up is due <c>n × FollowUpInterval</c> after release; after a PB (parole) release they continue until
/// supervision ends (at most <see cref="MentoringOptions.MaxFollowUps"/>), after any other release there are
/// <see cref="CaseDurations.FollowUpCount"/> of them. Running instances have timers at these instants, so this copy is
/// never edited; the domain's schedule may change for forms, lists and later versions.
/// </remarks>
internal static class FollowUpScheduleV1
{
    /// <summary>The instants the follow-ups after a release are due, in order.</summary>
    public static IReadOnlyList<DateTimeOffset> CreateTimes(DateTimeOffset releasedAt, ReleaseKind kind, DateTimeOffset? supervisionEnd, CaseDurations durations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(durations.FollowUpInterval, TimeSpan.Zero, nameof(durations));
        if (kind != ReleaseKind.Parole)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(durations.FollowUpCount, 1, nameof(durations));
            return [.. Enumerable.Range(1, durations.FollowUpCount).Select(n => releasedAt + (n * durations.FollowUpInterval))];
        }

        if (supervisionEnd is not { } end || end < releasedAt)
        {
            throw new ArgumentException("A PB (parole) release needs a supervision end on or after the release.", nameof(supervisionEnd));
        }

        var dues = new List<DateTimeOffset>();
        for (var due = releasedAt + durations.FollowUpInterval; due <= end && dues.Count < MaxFollowUps; due += durations.FollowUpInterval)
        {
            dues.Add(due);
        }

        return dues;
    }

    /// <summary>The cap on follow-ups after a parole release: <see cref="MentoringOptions.MaxFollowUps"/>'s default when version 1 was released.</summary>
    private const int MaxFollowUps = 60;
}

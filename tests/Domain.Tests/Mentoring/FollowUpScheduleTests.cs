namespace PepFunctions.Domain.Tests;

public sealed class FollowUpScheduleTests
{
    private static readonly DateOnly Release = new(2025, 1, 10);

    [Fact]
    public void Create_Defaults_TwelveMonthlyFollowUps()
    {
        var dates = FollowUpSchedule.Create(Release, ReleaseKind.EndOfSentence, null, MentoringOptions.Default);

        Assert.Equal(12, dates.Count);
        Assert.Equal(new DateOnly(2025, 2, 9), dates[0]);
        Assert.Equal(Release.AddDays(360), dates[^1]);
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.Equal(30, pair.Second.DayNumber - pair.First.DayNumber));
    }

    [Fact]
    public void Create_ParoleRelease_RunsUntilSupervisionEnds()
    {
        var supervisionEnd = new DateOnly(2026, 7, 10); // 546 days after release: 18 whole intervals.

        var dates = FollowUpSchedule.Create(Release, ReleaseKind.Parole, supervisionEnd, MentoringOptions.Default);

        Assert.Equal(18, dates.Count);
        Assert.True(dates[^1] <= supervisionEnd);
        Assert.True(dates[^1].AddDays(30) > supervisionEnd);
    }

    [Fact]
    public void Create_ParoleEndingOnAFollowUpDay_IncludesThatDay()
    {
        var dates = FollowUpSchedule.Create(Release, ReleaseKind.Parole, Release.AddDays(390), MentoringOptions.Default);

        Assert.Equal(13, dates.Count);
        Assert.Equal(Release.AddDays(390), dates[^1]);
    }

    [Fact]
    public void Create_ParoleWithoutSupervisionEnd_Throws() =>
        Assert.Throws<ArgumentException>(() => FollowUpSchedule.Create(Release, ReleaseKind.Parole, null, MentoringOptions.Default));

    [Fact]
    public void Create_ConditionalLeave_IgnoresSupervisionEndAndUsesTheCount()
    {
        var dates = FollowUpSchedule.Create(Release, ReleaseKind.ConditionalLeave, Release.AddDays(45), MentoringOptions.Default);

        Assert.Equal(12, dates.Count);
    }

    [Fact]
    public void Create_ShortConfiguredDurations_DailyFollowUps()
    {
        var options = new MentoringOptions { FollowUpInterval = TimeSpan.FromDays(1), FollowUpCount = 3 };

        var dates = FollowUpSchedule.Create(Release, ReleaseKind.Assimilation, null, options);

        Assert.Equal([new DateOnly(2025, 1, 11), new DateOnly(2025, 1, 12), new DateOnly(2025, 1, 13)], dates);
    }

    [Fact]
    public void Create_IntervalNotWholeDays_Throws() =>
        Assert.Throws<ArgumentException>(() => FollowUpSchedule.Create(
            Release, ReleaseKind.EndOfSentence, null, new MentoringOptions { FollowUpInterval = TimeSpan.FromSeconds(2) }));

    [Fact]
    public void CreateTimes_SecondsInterval_ForTimersInTests()
    {
        var releasedAt = new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);
        var options = new MentoringOptions { FollowUpInterval = TimeSpan.FromSeconds(2), FollowUpCount = 3 };

        var times = FollowUpSchedule.CreateTimes(releasedAt, ReleaseKind.EndOfSentence, null, options);

        Assert.Equal([releasedAt.AddSeconds(2), releasedAt.AddSeconds(4), releasedAt.AddSeconds(6)], times);
    }

    [Fact]
    public void CreateTimes_ParoleSecondsInterval_StopsAtSupervisionEnd()
    {
        var releasedAt = new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);
        var options = new MentoringOptions { FollowUpInterval = TimeSpan.FromSeconds(2), FollowUpCount = 3 };

        var times = FollowUpSchedule.CreateTimes(releasedAt, ReleaseKind.Parole, releasedAt.AddSeconds(9), options);

        Assert.Equal(4, times.Count);
        Assert.Equal(releasedAt.AddSeconds(8), times[^1]);
    }

    [Fact]
    public void CreateTimes_ZeroCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FollowUpSchedule.CreateTimes(
            DateTimeOffset.UnixEpoch, ReleaseKind.EndOfSentence, null, new MentoringOptions { FollowUpCount = 0 }));

    [Fact]
    public void CreateTimes_ParoleWithSecondsInterval_StopsAtMaxFollowUps()
    {
        var released = new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var options = new MentoringOptions { FollowUpInterval = TimeSpan.FromSeconds(2), MaxFollowUps = 5 };

        var dues = FollowUpSchedule.CreateTimes(released, ReleaseKind.Parole, released.AddYears(2), options);

        Assert.Equal(5, dues.Count);
        Assert.Equal(released.AddSeconds(10), dues[^1]);
    }
}

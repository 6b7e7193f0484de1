namespace PepFunctions.Domain.Tests;

public sealed class CompletionRuleTests
{
    [Fact]
    public void Evaluate_ExactlyEightyPercentAndPassed_Completed()
    {
        var result = CompletionRule.Evaluate(attendedSessions: 8, totalSessions: 10, passed: true);

        Assert.True(result.Completed);
        Assert.Equal(80.0m, result.AttendancePercent);
        Assert.Equal("Completed: attended 8 of 10 sessions (80%) and passed the final assessment.", result.Reason);
    }

    [Fact]
    public void Evaluate_JustBelowEightyPercent_NotCompleted()
    {
        var result = CompletionRule.Evaluate(attendedSessions: 23, totalSessions: 29, passed: true);

        Assert.False(result.Completed);
        Assert.Equal(79.3m, result.AttendancePercent);
        Assert.Contains("below the required 80%", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FullAttendanceButFailed_NotCompleted()
    {
        var result = CompletionRule.Evaluate(6, 6, passed: false);

        Assert.False(result.Completed);
        Assert.Equal(100m, result.AttendancePercent);
        Assert.Contains("did not pass", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LowAttendanceAndFailed_GivesBothReasons()
    {
        var result = CompletionRule.Evaluate(1, 6, passed: false);

        Assert.Contains("below the required 80%", result.Reason, StringComparison.Ordinal);
        Assert.Contains("did not pass", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RoundedPercentWouldReachThreshold_ComparesExactly()
    {
        // 2 of 3 is 66.67 %: shown as 66.7, and it must not pass a 67 % threshold by rounding.
        var result = CompletionRule.Evaluate(2, 3, passed: true, thresholdPercent: 67);

        Assert.False(result.Completed);
        Assert.Equal(66.7m, result.AttendancePercent);
    }

    [Fact]
    public void Evaluate_ConfiguredThreshold_IsUsed() =>
        Assert.True(CompletionRule.Evaluate(6, 10, passed: true, thresholdPercent: 60).Completed);

    [Theory]
    [InlineData(11, 10, 80)]
    [InlineData(-1, 10, 80)]
    [InlineData(0, 0, 80)]
    [InlineData(5, 10, 0)]
    [InlineData(5, 10, 101)]
    public void Evaluate_ImpossibleCounts_Throws(int attended, int total, int threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CompletionRule.Evaluate(attended, total, true, threshold));
}

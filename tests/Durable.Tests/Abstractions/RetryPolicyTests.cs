namespace PepFunctions.Durable.Tests.Abstractions;

public sealed class RetryPolicyTests
{
    private static readonly TaskFailureDetails Timeout = new("System.TimeoutException", "slow");

    [Fact]
    public void DelayAfter_CoefficientTwo_DoublesAfterEachFailedTry()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(10)) { BackoffCoefficient = 2 };

        Assert.Equal(
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)],
            Enumerable.Range(1, 4).Select(policy.DelayAfter));
    }

    [Fact]
    public void DelayAfter_DefaultCoefficient_StaysAtFirstInterval() =>
        Assert.Equal(TimeSpan.FromSeconds(10), new RetryPolicy(5, TimeSpan.FromSeconds(10)).DelayAfter(4));

    [Fact]
    public void DelayAfter_GrowthBeyondMaxRetryInterval_CappedAtMax()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(10)) { BackoffCoefficient = 3, MaxRetryInterval = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromSeconds(30), policy.DelayAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(1), policy.DelayAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(1), policy.DelayAfter(500));
    }

    [Fact]
    public void DelayAfter_CoefficientBelowOne_TreatedAsOne() =>
        Assert.Equal(TimeSpan.FromSeconds(10), new RetryPolicy(5, TimeSpan.FromSeconds(10)) { BackoffCoefficient = 0.5 }.DelayAfter(3));

    [Fact]
    public void DelayAfter_AttemptBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(1)).DelayAfter(0));

    [Fact]
    public void ShouldRetry_BeforeMaxAttempts_TrueAndAtMaxAttemptsFalse()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1));

        Assert.True(policy.ShouldRetry(1, Timeout));
        Assert.True(policy.ShouldRetry(2, Timeout));
        Assert.False(policy.ShouldRetry(3, Timeout));
    }

    [Fact]
    public void ShouldRetry_MaxAttemptsOne_NeverRetries() =>
        Assert.False(new RetryPolicy(1, TimeSpan.FromSeconds(1)).ShouldRetry(1, Timeout));

    [Fact]
    public void ShouldRetry_HandleGiven_RetriesOnlyTheFailuresItAccepts()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1)) { Handle = f => f.IsCausedBy<TimeoutException>() };

        Assert.True(policy.ShouldRetry(1, Timeout));
        Assert.False(policy.ShouldRetry(1, new TaskFailureDetails("System.ArgumentException", "bad")));
    }

    [Fact]
    public void ShouldRetry_HandleAcceptsButAttemptsUsedUp_False()
    {
        var policy = new RetryPolicy(2, TimeSpan.FromSeconds(1)) { Handle = _ => true };

        Assert.False(policy.ShouldRetry(2, Timeout));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_MaxAttemptsBelowOne_Throws(int maxAttempts)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(maxAttempts, TimeSpan.FromSeconds(1)));
        Assert.Equal("maxAttempts", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_FirstRetryIntervalNotPositive_Throws(int seconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(seconds)));
        Assert.Equal("firstRetryInterval", ex.ParamName);
    }
}

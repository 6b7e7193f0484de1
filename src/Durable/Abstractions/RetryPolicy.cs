namespace PepFunctions.Durable;

/// <summary>When and how often a failed activity or sub-orchestration is tried again, with durable timers between tries.</summary>
/// <remarks>The delay before try n+1 is <c>min(FirstRetryInterval × BackoffCoefficient^(n-1), MaxRetryInterval)</c>.</remarks>
public sealed record RetryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="maxAttempts">Tries in all, including the first; at least 1.</param>
    /// <param name="firstRetryInterval">Delay before the second try; positive.</param>
    public RetryPolicy(int maxAttempts, TimeSpan firstRetryInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        MaxAttempts = maxAttempts;
        FirstRetryInterval = firstRetryInterval;
    }

    /// <summary>Tries in all, including the first.</summary>
    public int MaxAttempts { get; }

    /// <summary>Delay before the second try.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Factor each further delay grows by; at least 1.</summary>
    public double BackoffCoefficient { get; init; } = 1;

    /// <summary>The longest delay between tries.</summary>
    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromDays(6);

    /// <summary>Which failures are retried; all when null.</summary>
    public Func<TaskFailureDetails, bool>? Handle { get; init; }

    /// <summary>The delay after failed try <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var coefficient = Math.Max(1, BackoffCoefficient);
        var ticks = FirstRetryInterval.Ticks * Math.Pow(coefficient, attempt - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether to try again after try <paramref name="attempt"/> failed with <paramref name="failure"/>.</summary>
    public bool ShouldRetry(int attempt, TaskFailureDetails failure) =>
        attempt < MaxAttempts && (Handle is null || Handle(failure));
}

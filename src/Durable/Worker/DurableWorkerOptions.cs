using System.ComponentModel.DataAnnotations;

namespace PepFunctions.Durable;

/// <summary>How a worker polls, leases and retries. Every duration is configuration so tests and demos can shorten it.</summary>
public sealed class DurableWorkerOptions
{
    /// <summary>Names this worker in logs and in the instances it commits.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Instances stepped at once.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentSteps { get; set; } = 64;

    /// <summary>Activities run at once.</summary>
    [Range(1, 10000)]
    public int MaxConcurrentActivities { get; set; } = 200;

    /// <summary>How long a received message stays hidden from other workers; also how long a timer claim lasts.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first back-off after an empty poll; it doubles on every empty poll.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest back-off while the worker saw work within <see cref="IdleAfter"/>.</summary>
    public TimeSpan ActivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off once idle.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long without work before the worker counts as idle.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the timer table is polled while active (timers this worker created wake it on time regardless).</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries before a message or timer is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>A step that runs activities longer than this commits what it has and carries on.</summary>
    public TimeSpan CheckpointAfter { get; set; } = TimeSpan.FromSeconds(20);
}

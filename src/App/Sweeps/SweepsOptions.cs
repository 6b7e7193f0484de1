namespace PepFunctions.App.Sweeps;

/// <summary>When the sweeps run (configuration section <c>Sweeps</c>): six-field NCRONTAB expressions in UTC.</summary>
internal sealed class SweepsOptions
{
    public const string SectionName = "Sweeps";

    /// <summary>Unanswered capital referrals; every 15 minutes by default.</summary>
    public string ReminderSweep { get; set; } = "0 */15 * * * *";

    /// <summary>The supervisors' digest of overdue follow-ups; 07:00 UTC by default.</summary>
    public string DailyDigest { get; set; } = "0 0 7 * * *";

    /// <summary>Whether the schedules run; the sweeps can still be run on demand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The schedule of the sweep named <paramref name="name"/>.</summary>
    public string ScheduleOf(string name) => name switch
    {
        ReferralReminderSweep.SweepName => ReminderSweep,
        OverdueDigestSweep.SweepName => DailyDigest,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No schedule is configured for this sweep."),
    };
}

/// <summary>A piece of periodic work: run on its schedule by <see cref="SweepScheduler"/>, or on demand.</summary>
internal interface ISweep
{
    /// <summary>The name in configuration and in <c>/api/sweeps/{name}/run</c>.</summary>
    string Name { get; }

    /// <summary>Runs the sweep once. Safe to run again and from several app instances at once: notifications are deduplicated.</summary>
    Task<SweepResult> RunAsync(CancellationToken cancellationToken);
}

/// <summary>What one run of a sweep did.</summary>
/// <param name="Sweep">The sweep's name.</param>
/// <param name="Examined">Items looked at.</param>
/// <param name="Notified">Notifications queued now (not counting those queued by earlier runs).</param>
internal sealed record SweepResult(string Sweep, int Examined, int Notified);

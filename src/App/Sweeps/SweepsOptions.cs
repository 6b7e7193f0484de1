using Microsoft.DurableTask.Client;

namespace PepFunctions.App.Sweeps;

/// <summary>When the sweeps run (configuration section <c>Sweeps</c>): six-field NCRONTAB expressions in UTC.</summary>
/// <remarks>
/// The Functions host reads the timers' schedules from the app settings themselves (<c>%Sweeps:ReminderSweep%</c>,
/// <c>%Sweeps:DailyDigest%</c>), so the settings must be present wherever the app runs; they are bound here to be
/// validated on start.
/// </remarks>
public sealed class SweepsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sweeps";

    /// <summary>Unanswered capital referrals (the <c>ReferralReminderSweep</c> timer); every 15 minutes by default.</summary>
    public string ReminderSweep { get; set; } = "0 */15 * * * *";

    /// <summary>
    /// The supervisors' digest of overdue follow-ups (the <c>DailyDigest</c> timer); every hour by default, because each
    /// run sends the digest to the supervisors whose office's clock reads 07:00 (WIB, WITA and WIT are an hour apart).
    /// </summary>
    public string DailyDigest { get; set; } = "0 0 * * * *";

    /// <summary>
    /// The repair of pipelines behind their records (the <c>PipelineRepairSweep</c> timer); every 30 seconds by default:
    /// a run reads only the unfinished actions' index, so an action cut off by a crash is finished about a minute after
    /// it began (<see cref="RepairAfter"/> plus up to one period).
    /// </summary>
    public string PipelineRepair { get; set; } = "*/30 * * * * *";

    /// <summary>
    /// How old a staff action must be before the repair finishes it for its pipeline (the settle window): younger ones are
    /// still on their way (or about to be retried by the person who sent them). 45 seconds by default.
    /// </summary>
    public TimeSpan RepairAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The most cases one run of the pipeline repair repairs; the rest wait in the index for the next run. 500 by default.</summary>
    public int RepairBatch { get; set; } = 500;

    /// <summary>The purge of ended pipelines' histories (the <c>HistoryPurgeSweep</c> timer); daily at 02:30 UTC by default.</summary>
    public string HistoryPurge { get; set; } = "0 30 2 * * *";

    /// <summary>
    /// How long the history of an ended pipeline is kept, counted from the pipeline's start (what the engine can filter
    /// on): two years by default, longer than any pipeline runs but the longest sentences. Its outcome stays on the case record.
    /// </summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Whether the timers run the sweeps; when false they do nothing, and the sweeps can still be run on demand.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>A piece of periodic work: run by its timer function, or on demand (<c>POST /api/sweeps/{name}/run</c>).</summary>
public interface ISweep
{
    /// <summary>The name in configuration and in <c>/api/sweeps/{name}/run</c>.</summary>
    string Name { get; }

    /// <summary>Runs the sweep once, now (on demand). Safe to run again and from several app instances at once: notifications are deduplicated.</summary>
    /// <param name="client">The calling function's orchestration client, for a sweep that tells pipelines what it found.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the sweep as its timer does. Most sweeps do the same as <see cref="RunAsync"/>; one whose work is due at a
    /// local hour (the daily digest, at 07:00 in each office's zone) does only the part that is due.
    /// </summary>
    Task<SweepResult> RunOnScheduleAsync(DurableTaskClient client, CancellationToken cancellationToken) => RunAsync(client, cancellationToken);
}

/// <summary>What one run of a sweep did.</summary>
/// <param name="Sweep">The sweep's name.</param>
/// <param name="Examined">Items looked at.</param>
/// <param name="Notified">Notifications queued now (not counting those queued by earlier runs).</param>
/// <param name="Repaired">Pipelines brought up to date with their records (the pipeline repair).</param>
public sealed record SweepResult(string Sweep, int Examined, int Notified, int Repaired = 0);

using Microsoft.Extensions.Options;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Runs every <see cref="ISweep"/> on its schedule from <see cref="SweepsOptions"/>: waits (on the registered
/// <see cref="TimeProvider"/>) for the next occurrence, runs the sweep, and repeats.
/// </summary>
/// <remarks>
/// A sweep that fails is logged and runs again at its next occurrence; one sweep's failure never stops the other.
/// Every app instance runs the schedules; the sweeps' deduplicated notifications make that harmless.
/// </remarks>
internal sealed class SweepScheduler(IEnumerable<ISweep> sweeps, IOptions<SweepsOptions> options, TimeProvider time, ILogger<SweepScheduler> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Sweep schedules are disabled (Sweeps:Enabled=false)");
            return Task.CompletedTask;
        }

        return Task.WhenAll(sweeps.Select(sweep => RunOnScheduleAsync(sweep, CronSchedule.Parse(options.Value.ScheduleOf(sweep.Name)), stoppingToken)));
    }

    private async Task RunOnScheduleAsync(ISweep sweep, CronSchedule schedule, CancellationToken stoppingToken)
    {
        logger.LogInformation("Sweep {Sweep} scheduled '{Schedule}' (UTC)", sweep.Name, schedule.Expression);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await schedule.WaitForNextAsync(time, stoppingToken);
                var result = await sweep.RunAsync(stoppingToken);
                logger.LogInformation("Sweep {Sweep} due {Due:o} examined {Examined}, notified {Notified}", sweep.Name, due, result.Examined, result.Notified);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage may be briefly unreachable; the next occurrence tries again.
                logger.LogError(ex, "Sweep {Sweep} failed; it runs again at its next occurrence", sweep.Name);
            }
        }
    }
}

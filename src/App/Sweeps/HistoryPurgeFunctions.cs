using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;

namespace PepFunctions.App.Sweeps;

/// <summary>The timer of <see cref="HistoryPurgeSweep"/> (on demand: <c>POST /api/sweeps/HistoryPurge/run</c>).</summary>
public sealed class HistoryPurgeFunctions(IEnumerable<ISweep> sweeps, IOptions<SweepsOptions> options, ILogger<HistoryPurgeFunctions> logger)
{
    /// <summary>Purges ended pipelines' histories older than <c>Sweeps:HistoryRetention</c>, on <c>Sweeps:HistoryPurge</c> (daily).</summary>
    [Function("HistoryPurgeSweep")]
    public async Task RunAsync(
        [TimerTrigger("%Sweeps:HistoryPurge%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Sweep {Sweep} skipped: sweeps are disabled (Sweeps:Enabled=false)", HistoryPurgeSweep.SweepName);
            return;
        }

        try
        {
            var result = await sweeps.Single(s => s.Name == HistoryPurgeSweep.SweepName).RunOnScheduleAsync(client, cancellationToken);
            logger.LogInformation("Sweep {Sweep} purged {Examined} pipelines' histories", result.Sweep, result.Examined);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Sweep {Sweep} stopped: storage is unreachable; its next occurrence runs it again", HistoryPurgeSweep.SweepName);
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;

namespace PepFunctions.App.Sweeps;

/// <summary>The sweeps' timers, and <c>POST /api/sweeps/{name}/run</c> to run one now (administrators).</summary>
/// <remarks>
/// A storage outage is logged and the sweep waits for its next occurrence. Any other exception fails its invocation
/// (logged by the host, visible in Application Insights) and the sweep runs again at its next occurrence. Every app instance may fire a timer; the sweeps' deduplicated notifications make that harmless.
/// </remarks>
public sealed class SweepsFunctions(StaffApi api, IEnumerable<ISweep> sweeps, IOptions<SweepsOptions> options, ILogger<SweepsFunctions> logger)
{
    /// <summary>Reminds officers of capital referrals the partner has not answered, on <c>Sweeps:ReminderSweep</c>.</summary>
    [Function("ReferralReminderSweep")]
    public Task RunReminderSweepAsync(
        [TimerTrigger("%Sweeps:ReminderSweep%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        RunScheduledAsync(ReferralReminderSweep.SweepName, client, cancellationToken);

    /// <summary>Tells supervisors how many follow-ups are overdue, on <c>Sweeps:DailyDigest</c>.</summary>
    [Function("DailyDigest")]
    public Task RunDailyDigestAsync(
        [TimerTrigger("%Sweeps:DailyDigest%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        RunScheduledAsync(OverdueDigestSweep.SweepName, client, cancellationToken);

    /// <summary>Finishes staff actions that stopped before telling their pipeline, on <c>Sweeps:PipelineRepair</c>.</summary>
    [Function("PipelineRepairSweep")]
    public Task RunPipelineRepairAsync(
        [TimerTrigger("%Sweeps:PipelineRepair%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        RunScheduledAsync(PipelineRepairSweep.SweepName, client, cancellationToken);

    /// <summary>Runs a sweep now (ReminderSweep, DailyDigest, PipelineRepair); administrators only.</summary>
    [Function("RunSweep")]
    public Task<IActionResult> RunNowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sweeps/{name}/run")] HttpRequest request,
        string name,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (_, cancellationToken) =>
            TypedResults.Ok(await Find(name).RunAsync(client, cancellationToken)));

    private async Task RunScheduledAsync(string name, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Sweep {Sweep} skipped: sweeps are disabled (Sweeps:Enabled=false)", name);
            return;
        }

        SweepResult result;
        try
        {
            result = await Find(name).RunOnScheduleAsync(client, cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Sweep {Sweep} stopped: storage is unreachable; its next occurrence runs it again", name);
            return;
        }

        logger.LogInformation("Sweep {Sweep} examined {Examined}, notified {Notified}, repaired {Repaired}", result.Sweep, result.Examined, result.Notified, result.Repaired);
    }

    private ISweep Find(string name) =>
        sweeps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotFoundException($"There is no sweep '{name}'; the sweeps are {string.Join(", ", sweeps.Select(s => s.Name))}.");
}

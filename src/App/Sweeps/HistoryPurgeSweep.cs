using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Purges the histories of pipelines that have ended (completed: graduated, withdrawn, programme over, erased; or
/// terminated by an administrator) and were started more than <see cref="SweepsOptions.HistoryRetention"/> ago, so the
/// task hub's History and Instances tables hold the pipelines of the last years, not every one ever run.
/// </summary>
/// <remarks>
/// What a closed case's pipeline came to stays on its case record (Stage, Outcome, OutcomeReason, ClosedAt, written by
/// the pipeline's last activity) and on its timeline, so nothing staff see is lost with the history. Failed pipelines
/// are kept: they are an administrator's to look at and restart. The engine finds the instances itself (its own
/// Instances table, by creation time and status) and deletes their history and state.
/// </remarks>
internal sealed class HistoryPurgeSweep(IOptions<SweepsOptions> options, TimeProvider time, ILogger<HistoryPurgeSweep> logger) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "HistoryPurge";

    private static readonly OrchestrationRuntimeStatus[] Ended = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated];

    public string Name => SweepName;

    public async Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var startedBefore = time.GetUtcNow() - options.Value.HistoryRetention;
        var purged = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: null, CreatedTo: startedBefore, Statuses: Ended), cancellation: cancellationToken);
        if (purged.PurgedInstanceCount > 0)
        {
            logger.LogInformation("Purged the histories of {Count} ended pipelines started before {StartedBefore}", purged.PurgedInstanceCount, startedBefore);
        }

        return new SweepResult(SweepName, purged.PurgedInstanceCount, 0);
    }
}

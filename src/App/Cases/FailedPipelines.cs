using Microsoft.DurableTask.Client;

namespace PepFunctions.App.Cases;

/// <summary>
/// Finds the pipelines that stopped while their case is still open — <c>Failed</c> (an activity kept failing, a replay
/// no longer matched its history) or <c>Terminated</c> (ended by hand or by an error) — so no person stays stuck
/// unseen. Called by the repair sweep for each open case it reads.
/// </summary>
/// <remarks>
/// Nothing is restarted here: a stuck pipeline gets one timeline entry per stop (keyed by the instance's last update,
/// so a run of the sweep again writes nothing new) and a warning in the log; an administrator sees it in
/// <c>GET /api/instances?status=Failed</c> (with the reason) and restarts it at its stage
/// (<c>POST /api/instances/{caseId}/restart</c>, <see cref="CaseService.RestartPipelineAsync"/>). Reads the instance by
/// its id (the case id): a point read of <c>{hub}Instances</c>.
/// </remarks>
internal sealed class FailedPipelines(CaseTimeline timeline, ILogger<FailedPipelines> logger)
{
    /// <summary>Whether the pipeline of the open case <paramref name="record"/> has stopped; if so, the case's timeline says so once.</summary>
    public async Task<bool> CheckAsync(CaseEntity record, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(client);
        if (record.IsClosed || record.ErasedAt is not null)
        {
            return false;
        }

        var instance = await client.GetInstanceAsync(record.CaseId, cancellationToken);
        if (instance?.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return false;
        }

        await timeline.AppendAsync(record.CaseId, instance.LastUpdatedAt, CaseTimeline.Pipeline, TimelineAction.PipelineStopped,
            TimelineDetail.PipelineStopped(instance.RuntimeStatus), key: $"pipeline-stopped|{instance.LastUpdatedAt.UtcTicks}", cancellationToken);
        logger.LogWarning("Pipeline {CaseId} is {Status} while its case is open; an administrator can restart it at its stage",
            record.CaseId, instance.RuntimeStatus);
        return true;
    }
}

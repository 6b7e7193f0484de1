using Microsoft.DurableTask.Client;

namespace PepFunctions.App.Cases;

/// <summary>
/// Finds the pipelines that stopped while their case is still open — <c>Failed</c> (an activity kept failing, a replay
/// no longer matched its history) or <c>Terminated</c> (ended by hand or by an error) — so no person stays stuck
/// unseen. Called by the repair sweep for the stopped pipelines it reads, a page a run.
/// </summary>
/// <remarks>
/// Nothing is restarted here: a stuck pipeline gets one timeline entry per stop (keyed by the instance's last update,
/// so a run of the sweep again writes nothing new) and a warning in the log; an administrator sees it in
/// <c>GET /api/instances?status=Failed</c> (with the reason) and restarts it at its stage
/// (<c>POST /api/instances/{caseId}/restart</c>, <see cref="CaseService.RestartPipelineAsync"/>). It reads nothing itself:
/// the sweep hands it the stopped instance and the case record.
/// </remarks>
internal sealed class FailedPipelines(CaseTimeline timeline, ILogger<FailedPipelines> logger)
{
    /// <summary>
    /// Whether <paramref name="instance"/>, the pipeline of the case <paramref name="record"/>, has stopped while the case
    /// is open; if so, the case's timeline says so once.
    /// </summary>
    public async Task<bool> CheckAsync(CaseEntity record, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(instance);
        if (record.IsClosed || record.IsErasing)
        {
            return false;
        }

        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
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

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Finds cases whose records are ahead of their pipelines and brings the pipelines up to date: a staff action that
/// wrote its record and then stopped (the app crashed, storage went away) before it told the pipeline, and that nobody
/// sent again, is finished here as its retry would have finished it (<see cref="CaseService"/>'s repair).
/// </summary>
/// <remarks>
/// Reads every open case record (a scan of <c>Cases</c>, without names and NIKs) and, for a case in its mentoring stage,
/// its follow-ups and sales. Actions younger than <see cref="SweepsOptions.RepairAfter"/> are left alone. Safe to run again
/// and from several app instances at once: timeline entries are keyed by the action, and the pipeline passes over an
/// event it has had.
/// </remarks>
internal sealed class PipelineRepairSweep(
    CaseStore cases, CaseService service, HubStorage storage, IOptions<SweepsOptions> options, TimeProvider time, ILogger<PipelineRepairSweep> logger,
    FailedPipelines failedPipelines) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "PipelineRepair";

    public string Name => SweepName;

    public async Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var settled = time.GetUtcNow() - options.Value.RepairAfter;
        int examined = 0, repaired = 0, failed = 0;
        await foreach (var record in cases.ListOpenAsync(cancellationToken))
        {
            examined++;
            try
            {
                var done = await service.RepairAsync(record, settled,
                    (caseId, months, token) => CheckGraduation.IsGraduatedAsync(storage, caseId, months, token), client, cancellationToken);
                if (done.Count > 0)
                {
                    repaired++;
                    logger.LogWarning("Pipeline {CaseId} was behind its record; repaired: {Repairs}", record.CaseId, string.Join(", ", done));
                }

                // A stopped (Failed, Terminated) pipeline is not repaired but made visible: issue 17, FailedPipelines.
                await failedPipelines.CheckAsync(record, client, cancellationToken);
            }
            catch (Exception ex) when (!StorageOutage.IsOutage(ex, cancellationToken) && ex is not OperationCanceledException)
            {
                // One case that cannot be repaired (a record of an older shape, a pipeline that ended mid-way) must not
                // keep the cases after it from being repaired; it is logged and tried again on the next run.
                failed++;
                logger.LogError(ex, "Pipeline {CaseId} could not be repaired", record.CaseId);
            }
        }

        if (failed > 0)
        {
            logger.LogWarning("Pipeline repair: {Failed} of {Examined} cases could not be repaired", failed, examined);
        }

        return new SweepResult(SweepName, examined, 0, repaired);
    }
}

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Http;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Finishes staff actions that wrote their record and then stopped (the app crashed, storage went away) before they told
/// the case's pipeline, and that nobody sent again, as their retry would have finished them (<see cref="CaseService"/>'s
/// repair).
/// </summary>
/// <remarks>
/// <para>Reads only the <see cref="UnfinishedActions"/> index: the rows of actions started more than
/// <see cref="SweepsOptions.RepairAfter"/> ago (the settle window) that never closed their row, oldest first. So a run
/// costs what is unfinished, not what was ever enrolled: one range query, then for each such case a point read of its
/// record and what the repair reads for it, and the row's delete. A run stops after
/// <see cref="SweepsOptions.RepairBatch"/> cases; the rows it did not reach stay in the index, so the next run resumes
/// with them (the index is the continuation). A case whose repair fails is moved behind the others and tried again
/// after the settle window.</para>
/// <para>Each run also reads one page (<see cref="StoppedPageSize"/>) of the pipelines that stopped — <c>Failed</c> or
/// <c>Terminated</c>, the engine's status query — and hands those of open cases to <see cref="FailedPipelines"/>, which
/// makes them visible (nothing is restarted). The place in that walk is saved in <see cref="SweepState"/>, so the runs
/// page through every stopped pipeline and start over at the end: a run costs one page, however many cases there are.</para>
/// <para>Safe to run again and from several app instances at once: timeline entries are keyed by the action, and the
/// pipeline passes over an event it has had.</para>
/// </remarks>
internal sealed class PipelineRepairSweep(
    CaseStore cases, CaseService service, UnfinishedActions unfinished, FailedPipelines failedPipelines, HubStorage storage,
    IOptions<SweepsOptions> options, TimeProvider time, ILogger<PipelineRepairSweep> logger) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "PipelineRepair";

    /// <summary>How many stopped pipelines one run reads.</summary>
    public const int StoppedPageSize = 100;

    private const string StoppedPlace = "stopped";

    private readonly SweepState state = new(storage);

    public string Name => SweepName;

    public async Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var done = new Dictionary<string, bool>(StringComparer.Ordinal);
        int repaired = 0, failed = 0;
        await foreach (var row in unfinished.ListSettledAsync(now - options.Value.RepairAfter, cancellationToken))
        {
            if (!done.TryGetValue(row.CaseId, out var succeeded))
            {
                if (done.Count >= options.Value.RepairBatch)
                {
                    logger.LogInformation("Pipeline repair stopped after {Cases} cases; the next run goes on from there", done.Count);
                    break;
                }

                var outcome = await RepairAsync(row.CaseId, now, client, cancellationToken);
                succeeded = outcome is not null;
                done[row.CaseId] = succeeded;
                repaired += outcome is { Count: > 0 } ? 1 : 0;
                failed += succeeded ? 0 : 1;
            }

            // The repair told the pipeline everything recorded before it began, this row's action included.
            await (succeeded ? unfinished.CloseAsync(row.RowKey, cancellationToken) : unfinished.PostponeAsync(row, time.GetUtcNow(), cancellationToken));
        }

        if (failed > 0)
        {
            logger.LogWarning("Pipeline repair: {Failed} of {Examined} cases could not be repaired", failed, done.Count);
        }

        // The stopped pipelines are made visible, not repaired: they are not counted among the cases examined.
        await FindStoppedAsync(client, cancellationToken);
        return new SweepResult(SweepName, done.Count, 0, repaired);
    }

    /// <summary>Reads the next page of stopped pipelines and makes those of open cases visible.</summary>
    private async Task FindStoppedAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var saved = await state.GetAsync(SweepName, StoppedPlace, cancellationToken);
        var continuation = string.IsNullOrEmpty(saved) ? null : saved;
        var filter = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            PageSize = StoppedPageSize,
        };
        await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(continuation, StoppedPageSize).WithCancellation(cancellationToken))
        {
            foreach (var instance in page.Values.Where(instance => instance.Name == nameof(CasePipeline)))
            {
                if (await cases.FindAsync(instance.InstanceId, cancellationToken) is { } record)
                {
                    await failedPipelines.CheckAsync(record, instance, cancellationToken);
                }
            }

            // An empty place starts the walk over on the next run.
            await state.SaveAsync(SweepName, StoppedPlace, page.ContinuationToken ?? string.Empty, cancellationToken);
            return;
        }
    }

    /// <summary>What was repaired for the case (empty when nothing was behind); null when the repair failed.</summary>
    private async Task<IReadOnlyList<string>?> RepairAsync(string caseId, DateTimeOffset now, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            // No record (the action stopped before writing it), or an erased person's: nothing to tell anybody.
            if (await cases.FindAsync(caseId, cancellationToken) is not { IsErasing: false } record)
            {
                return [];
            }

            // Everything recorded before now counts as settled: the row shows the case's oldest open action is.
            var done = await service.RepairAsync(record, now,
                (id, months, token) => CheckGraduation.IsGraduatedAsync(storage, id, months, token), client, cancellationToken);
            if (done.Count > 0)
            {
                logger.LogWarning("Pipeline {CaseId} was behind its record; repaired: {Repairs}", caseId, string.Join(", ", done));
            }

            return done;
        }
        catch (Exception ex) when (!StorageOutage.IsOutage(ex, cancellationToken) && ex is not OperationCanceledException)
        {
            // One case that cannot be repaired (a record of an older shape, a pipeline that ended mid-way) must not keep
            // the cases after it from being repaired; it is logged and tried again after the settle window.
            logger.LogError(ex, "Pipeline {CaseId} could not be repaired", caseId);
            return null;
        }
    }
}

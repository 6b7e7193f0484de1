using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;
using PepFunctions.App.Sweeps;

namespace PepFunctions.App.Privacy;

/// <summary>
/// The erasures' background work (<c>Erasures</c>; every 10 seconds, or <c>POST /api/sweeps/Erasures/run</c>): finishes every
/// erasure requested at least <see cref="PrivacyOptions.ErasureSettle"/> ago (<see cref="CaseErasure.RunPendingAsync"/>), so
/// an erasure cut off by a crash, a restart or a deployment finishes unattended.
/// </summary>
/// <remarks>Its result: Examined = erasures pending, Repaired = erasures finished now. Reads one partition (<c>Erasures</c>, <c>pending</c>).</remarks>
public sealed class ErasureSweep(CaseErasure erasure) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "Erasures";

    /// <inheritdoc />
    public string Name => SweepName;

    /// <inheritdoc />
    public async Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (pending, finished) = await erasure.RunPendingAsync(client, cancellationToken);
        return new SweepResult(SweepName, pending, 0, finished);
    }
}

/// <summary>The erasures' timer.</summary>
public sealed class ErasureFunctions(ErasureSweep sweep, ILogger<ErasureFunctions> logger)
{
    /// <summary>Finishes the pending erasures every 10 seconds (a query of one small partition when there are none).</summary>
    [Function("ErasureSweep")]
    public async Task RunAsync([TimerTrigger("*/10 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await sweep.RunAsync(client, cancellationToken);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Erasures stopped: storage is unreachable; the next occurrence carries on");
        }
    }
}

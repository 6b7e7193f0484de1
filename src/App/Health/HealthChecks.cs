using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PepFunctions.Durable;

namespace PepFunctions.App.Health;

/// <summary>Storage is reachable when the task hub answers a one-item instance query within <see cref="HealthOptions.StorageTimeout"/>.</summary>
/// <remarks>A timeout or a storage error propagates; the health check service reports either as unhealthy and logs it.</remarks>
internal sealed class StorageHealthCheck(DurableTaskClient client, IOptions<HealthOptions> options) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "storage";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.StorageTimeout);
        await client.QueryInstancesAsync(new InstanceQuery { PageSize = 1 }, timeout.Token);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>The worker is healthy while it is polling its task hub.</summary>
internal sealed class WorkerHealthCheck(IDurableWorkerStatus worker) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "worker";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(worker.IsRunning ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The durable worker is not polling its task hub."));
}

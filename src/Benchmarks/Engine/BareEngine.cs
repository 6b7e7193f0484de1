using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using PepFunctions.LocalRunner.Durable;

namespace PepFunctions.Benchmarks.Engine;

/// <summary>
/// The engine the local runner hosts the app on, without the app: <see cref="AzureStorageOrchestrationService"/> with
/// the same settings (built from <see cref="DurableSettings"/> as the runner's <c>DurableEngine</c> builds them), a
/// <see cref="TaskHubWorker"/> running SDK classes through <see cref="DurableTaskShimFactory"/>, and a
/// <see cref="TaskHubClient"/> starting instances the way the runner's client does.
/// </summary>
internal sealed class BareEngine : IAsyncDisposable
{
    private static readonly OrchestrationStatus[] ActiveStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended];

    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;

    private BareEngine(AzureStorageOrchestrationService service, TaskHubWorker worker, TaskHubClient client)
    {
        _service = service;
        _worker = worker;
        _client = client;
    }

    public static async Task<BareEngine> StartAsync(DurableSettings settings, string connectionString, ILoggerFactory loggerFactory)
    {
        var service = new AzureStorageOrchestrationService(settings.ToServiceSettings(connectionString, loggerFactory, "bare"));
        await service.CreateIfNotExistsAsync();

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations(new NamedCreator<TaskOrchestration>(nameof(SequenceOrchestrator),
            () => shims.CreateOrchestration(nameof(SequenceOrchestrator), new SequenceOrchestrator(), parent: null)));
        worker.AddTaskActivities(new NamedCreator<TaskActivity>(nameof(IncrementActivity),
            () => shims.CreateActivity(nameof(IncrementActivity), new IncrementActivity())));
        await worker.StartAsync();
        return new BareEngine(service, worker, new TaskHubClient(service, loggerFactory: loggerFactory));
    }

    /// <summary>Starts a sequence as the runner's client starts an orchestration: refused while one with that id is active.</summary>
    public Task StartSequenceAsync(string instanceId) =>
        _client.CreateOrchestrationInstanceAsync(nameof(SequenceOrchestrator), "", instanceId, 0, null, ActiveStatuses);

    public async Task<bool> IsCompletedAsync(string instanceId) =>
        (await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false)).FirstOrDefault()?.OrchestrationStatus == OrchestrationStatus.Completed;

    /// <summary>Stops the worker and deletes the task hub's queues, tables and containers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        await _service.DeleteAsync();
        _service.Dispose();
    }
}

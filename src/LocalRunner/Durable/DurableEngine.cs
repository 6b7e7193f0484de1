using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// Runs the app's orchestration and activity functions on the Durable Task Framework with the Azure Storage provider —
/// the engine Durable Functions runs on in Azure — through the SDK's shims, and gives <c>[DurableClient]</c> its client.
/// </summary>
internal sealed class DurableEngine : IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;

    private DurableEngine(
        AzureStorageOrchestrationService service, TaskHubWorker worker, EngineClient client,
        FunctionRegistry<TaskOrchestration> orchestrations, FunctionRegistry<TaskActivity> activities)
    {
        _service = service;
        _worker = worker;
        Client = client;
        Orchestrations = orchestrations;
        Activities = activities;
    }

    public EngineClient Client { get; }

    /// <summary>The orchestrator functions the worker runs, as it looks them up.</summary>
    public FunctionRegistry<TaskOrchestration> Orchestrations { get; }

    /// <summary>The activity functions the worker runs, as it looks them up.</summary>
    public FunctionRegistry<TaskActivity> Activities { get; }

    /// <summary>Creates the task hub if needed and starts the worker (it takes its queues' partitions in the background).</summary>
    public static async Task<DurableEngine> StartAsync(
        DurableSettings settings, string connectionString, IReadOnlyList<FunctionDefinition> functions, IServiceProvider appServices, ILoggerFactory loggerFactory)
    {
        var service = new AzureStorageOrchestrationService(settings.ToServiceSettings(connectionString, loggerFactory));
        await service.CreateIfNotExistsAsync();

        var converter = PayloadConverter.For(appServices);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter }, loggerFactory);
        var orchestrations = new FunctionRegistry<TaskOrchestration>();
        var activities = new FunctionRegistry<TaskActivity>();
        foreach (var function in functions)
        {
            switch (function.Trigger.Type.ToLowerInvariant())
            {
                case "orchestrationtrigger":
                    orchestrations.Add(new NamedCreator<TaskOrchestration>(function.Name,
                        () => shims.CreateOrchestration(function.Name, new FunctionOrchestrator(function, appServices, converter), parent: null)));
                    break;
                case "activitytrigger":
                    activities.Add(new NamedCreator<TaskActivity>(function.Name,
                        () => shims.CreateActivity(function.Name, new FunctionActivity(function, appServices))));
                    break;
            }
        }

        // The versioning settings go to the Core worker as Durable Functions passes them: each orchestration step is checked
        // against them before it runs (a newer instance is abandoned for a later worker, or failed, per the strategy).
        var worker = new TaskHubWorker(service, orchestrations, activities, settings.ToVersioningSettings(), loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        await worker.StartAsync();
        return new DurableEngine(
            service, worker, new EngineClient(settings.HubName, service, converter, loggerFactory, settings.DefaultVersion), orchestrations, activities);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _service.Dispose();
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DurableTask.AzureStorage;
using PepFunctions.LocalRunner;

namespace PepFunctions.Benchmarks.App;

/// <summary>
/// The function app on the local runner, in this process, on its own task hub with its storage requests counted;
/// and a direct, uncounted view of its case records for the benchmark's waiting.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly BenchmarkContext _context;
    private readonly FunctionHost _host;

    private AppUnderTest(BenchmarkContext context, FunctionHost host, string hub)
    {
        _context = context;
        _host = host;
        Hub = hub;
        Records = new CaseRecords(new TableClient(context.Azurite.Direct, hub + "Cases"));
    }

    public string Hub { get; }

    public Uri BaseAddress => _host.BaseAddress;

    public CaseRecords Records { get; }

    /// <summary>
    /// Starts the runner on a fresh hub; timers off unless <paramref name="runTimers"/>, then on the schedules of
    /// local.settings.sample.json (its other values too, under the benchmark's).
    /// </summary>
    public static async Task<AppUnderTest> StartAsync(BenchmarkContext context, string part, bool runTimers = false)
    {
        var directory = context.Options.AppDirectory;
        if (!File.Exists(Path.Combine(directory, "functions.metadata")))
        {
            throw new InvalidOperationException($"{directory} holds no functions.metadata: build the app first (dotnet build src/App -c Release).");
        }

        var hub = BenchmarkContext.NewHub(part);
        var settings = context.AppSettings(hub);
        settings.TryAdd("Staff:DemoAccounts", "true");
        settings.TryAdd("Staff:DemoPassword", StaffSession.Password);
        settings.TryAdd("Demo:Seed", "false");
        // The app does not start without a case id key (docs/privacy.md); the sample settings' development key.
        settings.TryAdd("Privacy:CaseIdKey", "local-development-case-id-key-never-use-in-azure");
        Report.Say($"{part}: local runner on hub {hub}, timers {(runTimers ? "on" : "off")}; {Engine.EngineBenchmark.Describe(context.DurableSettings(hub))}");
        var host = await FunctionHost.StartAsync(new FunctionHostOptions
        {
            AppDirectory = directory,
            SettingsFile = runTimers ? LocalSettings.SampleFileName : null,
            Settings = settings,
            Urls = "http://127.0.0.1:0",
            RunTimers = runTimers,
        });
        return new AppUnderTest(context, host, hub);
    }

    /// <summary>Stops the runner and deletes the hub: the engine's queues, tables and containers, and the app's own.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        var settings = _context.DurableSettings(Hub);
        using var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = settings.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(_context.Azurite.Direct),
            PartitionCount = settings.PartitionCount,
        });
        await service.DeleteAsync();
        await _context.Azurite.DeleteTablesAsync(Hub);
        var blobs = new BlobServiceClient(_context.Azurite.Direct);
        await foreach (var item in blobs.GetBlobContainersAsync(prefix: Hub.ToLowerInvariant()))
        {
            // The engine's app lease outlives a forced stop; break it so the container can go.
            var container = blobs.GetBlobContainerClient(item.Name);
            if (item.Properties.LeaseState == LeaseState.Leased)
            {
                await container.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
            }

            await container.DeleteAsync();
        }
    }
}

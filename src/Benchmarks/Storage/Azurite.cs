using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PepFunctions.Benchmarks.Storage;

/// <summary>The Azurite the benchmark runs against (started by scripts/bench), reached directly or through the counting proxy.</summary>
internal sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /// <summary>Azurite's queue service sweeps unreferenced message bodies this long after its last sweep ended (and a little more).</summary>
    private static readonly TimeSpan CleanUpInterval = TimeSpan.FromSeconds(62);
    private readonly CountingProxy? _proxy;

    private Azurite(IReadOnlyDictionary<StorageService, int> ports, CountingProxy? proxy)
    {
        Direct = ConnectionString(ports);
        _proxy = proxy;
        Counted = proxy is null ? Direct : ConnectionString(proxy.Ports);
    }

    /// <summary>Straight to Azurite: for the benchmark's own checks and clean-up, which must not be counted.</summary>
    public string Direct { get; }

    /// <summary>Through the counting proxy (or straight to Azurite when counting is off): for the engine and the app.</summary>
    public string Counted { get; }

    public bool Counting => _proxy is not null;

    /// <summary>Requests counted so far (all zero when counting is off).</summary>
    public RequestCounts Counts => _proxy?.Counts ?? new RequestCounts(new Dictionary<(StorageService, string, string), long>());

    public static Azurite Connect(int blobPort, int queuePort, int tablePort, bool count)
    {
        var ports = new Dictionary<StorageService, int>
        {
            [StorageService.Blob] = blobPort,
            [StorageService.Queue] = queuePort,
            [StorageService.Table] = tablePort,
        };
        return new Azurite(ports, count ? CountingProxy.Start(ports) : null);
    }

    /// <summary>Deletes the tables whose names start with <paramref name="prefix"/> (a task hub's and the app's own).</summary>
    public async Task DeleteTablesAsync(string prefix)
    {
        var service = new TableServiceClient(Direct);
        var filter = TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}");
        await foreach (var table in service.QueryAsync(filter))
        {
            await service.DeleteTableAsync(table.Name);
        }
    }

    /// <summary>
    /// Waits for Azurite's queue service to sweep away the message bodies of deleted queues. It sweeps once a minute
    /// and stalls while it does (for seconds after a thousand pipelines), so a part that follows a heavy one would
    /// otherwise be measured through the previous part's clean-up.
    /// </summary>
    public async Task WaitForQueueCleanUpAsync()
    {
        var queues = new QueueServiceClient(Direct);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < CleanUpInterval)
        {
            var call = Stopwatch.StartNew();
            await queues.GetPropertiesAsync();
            if (call.Elapsed > TimeSpan.FromSeconds(1))
            {
                Report.Say($"Azurite's queue clean-up stalled the queue service for {call.Elapsed.TotalSeconds:F1} s");
                return;
            }

            await Task.Delay(250);
        }
    }

    public ValueTask DisposeAsync() => _proxy?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static string ConnectionString(IReadOnlyDictionary<StorageService, int> ports) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports[StorageService.Blob]}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{ports[StorageService.Queue]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{ports[StorageService.Table]}/devstoreaccount1;";
}

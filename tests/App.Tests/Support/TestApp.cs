using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Hosting;
using PepFunctions.LocalRunner;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Support;

/// <summary>
/// The function app's build output hosted by the local runner (<see cref="FunctionHost"/>) on the shared Azurite,
/// with a task hub of its own and the engine tuned to answer within a fraction of a second; called over real HTTP.
/// Deletes everything of its hub on dispose.
/// </summary>
/// <remarks>
/// Starting a hub takes seconds, so a test class shares one (<see cref="AppFixture"/>): tests in a class run one after
/// another, but see each other's data, so they use their own cases and check their own rows.
/// </remarks>
public sealed class TestApp : IAsyncDisposable
{
    /// <summary>How long a test waits for the engine to reach a state before it fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>The demo accounts' password (<c>Staff:DemoPassword</c>'s default).</summary>
    public const string DemoPassword = "pep-demo";

    private const string DurableTask = "AzureFunctionsJobHost:extensions:durableTask:";

    private readonly FunctionHost _host;
    private readonly List<HttpClient> _clients = [];

    private TestApp(FunctionHost host, string connectionString, string hubName)
    {
        _host = host;
        ConnectionString = connectionString;
        HubName = hubName;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = WaitLimit };
    }

    /// <summary>The task hub: it prefixes the engine's tables, queues and containers and the app's own.</summary>
    public string HubName { get; }

    /// <summary>The shared Azurite's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>A client that is signed in as nobody.</summary>
    public HttpClient Http { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _host.AppServices;

    /// <summary>The durable client the app's functions get.</summary>
    public DurableTaskClient Client => _host.Client;

    /// <summary>Every function the runner hosts.</summary>
    public IReadOnlyList<FunctionDefinition> Functions => _host.Functions;

    /// <summary>Starts the app on a new task hub of the shared Azurite.</summary>
    /// <param name="settings">App settings (<c>Section:Key</c>) over the defaults here.</param>
    /// <param name="runTimers">Whether the timer functions fire: the notification sender every second, the sweeps never.</param>
    public static async Task<TestApp> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, bool runTimers = false)
    {
        var azurite = await AzuriteHost.SharedAsync();
        var hubName = TestNames.Hub("app");
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [StorageOptions.ConnectionKey] = azurite.ConnectionString,
            [StorageOptions.TaskHubNameKey] = hubName,
            [DurableTask + "storageProvider:partitionCount"] = "1",
            [DurableTask + "storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Notifications:SendSchedule"] = "* * * * * *",
            ["Notifications:FirstRetryDelay"] = "00:00:00.100",
            ["Sweeps:ReminderSweep"] = "0 0 0 1 1 *",
            ["Sweeps:DailyDigest"] = "0 0 0 1 1 *",
            ["Sweeps:PipelineRepair"] = "0 0 0 1 1 *",
            ["Sweeps:HistoryPurge"] = "0 0 0 1 1 *",
            ["Privacy:CaseIdKey"] = TestCaseIds.Key,
            // An erasure's work starts at once (Privacy:ErasureSettle), when a test runs the Erasures sweep.
            ["Privacy:ErasureSettle"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        // The test assembly references the app: load it from there first, so the host and the tests share its types.
        _ = typeof(StorageOptions).Assembly;
        try
        {
            var host = await FunctionHost.StartAsync(new FunctionHostOptions
            {
                AppDirectory = RepositoryFiles.AppOutput,
                Settings = all,
                Urls = "http://127.0.0.1:0",
                RunTimers = runTimers,
            });
            return new TestApp(host, azurite.ConnectionString, hubName);
        }
        catch
        {
            await TaskHubStorage.DeleteAsync(azurite.ConnectionString, hubName);
            throw;
        }
    }

    /// <summary>A new cookie-keeping client signed in through <c>POST /api/session</c> as the demo account <paramref name="username"/>.</summary>
    public async Task<HttpClient> SignInAsync(string username)
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("/api/session", new { username, password = DemoPassword });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in of {username}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A new client of its own (with its own cookies), disposed with the app.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = WaitLimit };
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>The hub's table <c>{hub}{name}</c>.</summary>
    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(HubName + name);

    /// <summary>The rows of the hub's table <c>{hub}{name}</c>; none when it does not exist yet.</summary>
    public async Task<List<TableEntity>> RowsAsync(string name, string? filter = null)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Table(name).QueryAsync<TableEntity>(filter))
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }

    /// <summary>The rows of <c>{hub}{name}</c> in partition <paramref name="partitionKey"/>.</summary>
    public Task<List<TableEntity>> PartitionAsync(string name, string partitionKey) =>
        RowsAsync(name, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"));

    /// <summary>The names of the blobs in the hub's file container that start with <paramref name="prefix"/>.</summary>
    public async Task<List<string>> BlobNamesAsync(string? prefix = null)
    {
        var container = new BlobContainerClient(ConnectionString, HubName.ToLowerInvariant() + "-files");
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>How many orchestration instances the hub holds.</summary>
    public async Task<int> CountInstancesAsync()
    {
        var count = 0;
        await foreach (var _ in Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1000 }))
        {
            count++;
        }

        return count;
    }

    /// <summary>Waits until the instance exists and satisfies <paramref name="condition"/>.</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} did not reach {what} within {WaitLimit}; it is {instance?.RuntimeStatus.ToString() ?? "missing"}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the instance has ended and returns it with its output.</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>GETs <paramref name="path"/> with <paramref name="client"/> until the JSON satisfies <paramref name="condition"/>.</summary>
    public static async Task<JsonElement> WaitForJsonAsync(HttpClient client, string path, Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var json = await client.GetFromJsonAsync<JsonElement>(path);
            if (condition(json))
            {
                return json;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"GET {path} did not show {what} within {WaitLimit}: {json}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the runner and leaves the hub as it is, for another build started on it (settings <c>TaskHubName</c>) to take
    /// over, as a deployment does; that one deletes the hub when disposed.
    /// </summary>
    public async Task StopKeepingHubAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>Stops the runner, then deletes the hub's tables, queues and containers.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        lock (_clients)
        {
            _clients.ForEach(client => client.Dispose());
        }

        await _host.DisposeAsync();
        await TaskHubStorage.DeleteAsync(ConnectionString, HubName);
    }
}

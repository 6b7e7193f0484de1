using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.Durable;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Support;

/// <summary>
/// The real app (<see cref="Program.Build"/>) on Kestrel, on a free loopback port, with a task hub of its own
/// on the shared Azurite and short worker poll intervals; called over real HTTP. Deletes the hub on dispose.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly DirectoryInfo _contentRoot;
    private readonly string _connectionString;
    private readonly bool _deleteHub;

    private TestApp(WebApplication app, DirectoryInfo contentRoot, string connectionString, string hubName, bool deleteHub)
    {
        _app = app;
        _contentRoot = contentRoot;
        _connectionString = connectionString;
        _deleteHub = deleteHub;
        HubName = hubName;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = WaitLimit };
    }

    public string HubName { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app on the shared Azurite and waits until its worker polls.</summary>
    /// <param name="settings">Extra <c>--key=value</c> arguments, e.g. <c>--Samples:ApprovalTimeout=00:00:01</c>.</param>
    public static async Task<TestApp> StartAsync(params string[] settings)
    {
        var azurite = await AzuriteHost.SharedAsync();
        var app = await StartAsync(azurite.ConnectionString, deleteHub: true, settings);
        await app.WaitForWorkerAsync();
        return app;
    }

    /// <summary>Starts the app with storage on a loopback port where nothing listens.</summary>
    public static Task<TestApp> StartWithUnreachableStorageAsync(params string[] settings)
    {
        var port = FreeLoopbackPort();
        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteHost.AccountName};AccountKey={AzuriteHost.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/{AzuriteHost.AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{port}/{AzuriteHost.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteHost.AccountName};";
        return StartAsync(connectionString, deleteHub: false, settings);
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>POSTs JSON to <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        body is null ? Http.PostAsync(path, null) : Http.PostAsJsonAsync(path, body);

    /// <summary>Starts a sample and returns its instance id, checking the 202 and its Location header.</summary>
    public async Task<string> StartSampleAsync(string sample, object body)
    {
        using var response = await PostAsync($"/api/samples/{sample}", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = started.GetProperty("instanceId").GetString()!;
        Assert.Equal($"/api/instances/{Uri.EscapeDataString(instanceId)}", started.GetProperty("statusUrl").GetString());
        Assert.Equal(started.GetProperty("statusUrl").GetString(), response.Headers.Location?.OriginalString);
        return instanceId;
    }

    /// <summary>GETs the instance until its status is <paramref name="status"/>; fails the test after 30 s.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string instanceId, OrchestrationStatus status)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var instance = await Http.GetFromJsonAsync<JsonElement>($"/api/instances/{Uri.EscapeDataString(instanceId)}");
            var now = instance.GetProperty("status").GetString();
            if (now == status.ToString())
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} did not become {status} within {WaitLimit}; it is {now}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>How many instances the hub holds, read through the API.</summary>
    public async Task<int> CountInstancesAsync()
    {
        var page = await Http.GetFromJsonAsync<JsonElement>("/api/instances?pageSize=1000");
        return page.GetProperty("items").GetArrayLength();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using (var stopping = new CancellationTokenSource(WaitLimit))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
        if (_deleteHub)
        {
            await DeleteHubAsync();
        }

        _contentRoot.Delete(recursive: true);
    }

    private static async Task<TestApp> StartAsync(string connectionString, bool deleteHub, string[] settings)
    {
        // An empty content root of its own: no local.settings.json from the repository leaks in.
        var contentRoot = Directory.CreateTempSubdirectory("pep-app-tests-");
        var hubName = TestNames.Hub("app");
        string[] args =
        [
            "--contentRoot", contentRoot.FullName,
            "--urls", "http://127.0.0.1:0",
            $"--AzureWebJobsStorage={connectionString}",
            $"--Durable:Storage:TaskHubName={hubName}",
            "--Durable:Worker:VisibilityTimeout=00:00:03",
            "--Durable:Worker:MinPollInterval=00:00:00.020",
            "--Durable:Worker:ActivePollInterval=00:00:00.200",
            "--Durable:Worker:IdlePollInterval=00:00:00.500",
            "--Durable:Worker:TimerPollInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = Program.Build(args);
        await app.StartAsync();
        return new TestApp(app, contentRoot, connectionString, hubName, deleteHub);
    }

    private async Task WaitForWorkerAsync()
    {
        var worker = _app.Services.GetRequiredService<IDurableWorkerStatus>();
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!worker.IsRunning)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The durable worker of hub {HubName} did not start within {WaitLimit}.");
            }

            await Task.Delay(20);
        }
    }

    // The names DurableStorageOptions.TaskHubName documents.
    private async Task DeleteHubAsync()
    {
        var tables = new TableServiceClient(_connectionString);
        var lower = HubName.ToLowerInvariant();
        await Task.WhenAll(
            tables.DeleteTableAsync($"{HubName}Instances"),
            tables.DeleteTableAsync($"{HubName}Timers"),
            tables.DeleteTableAsync($"{HubName}DeadLetters"),
            new QueueClient(_connectionString, $"{lower}-work").DeleteIfExistsAsync(),
            new BlobContainerClient(_connectionString, $"{lower}-payloads").DeleteIfExistsAsync());
    }
}

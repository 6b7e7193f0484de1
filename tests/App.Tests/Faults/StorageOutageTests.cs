using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Hosting;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Support;
using PepFunctions.LocalRunner;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// The app on an Azurite of its own, which is killed for 30 s under load and started again on the same ports (on disk,
/// so the data survives): requests during the outage answer 503 with <c>Retry-After</c>, never 500, and afterwards the
/// same host serves requests and runs its pipelines again without a restart.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PersistDelay = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(4);
    private const string DurableTask = "AzureFunctionsJobHost:extensions:durableTask:";

    private readonly string _location = Path.Combine(Path.GetTempPath(), "pep-outage-" + Guid.NewGuid().ToString("N"));
    private AzuriteHost? _azurite;
    private FunctionHost? _host;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_location);
        _azurite = await AzuriteHost.StartNewOnDiskAsync(_location);
        _ = typeof(StorageOptions).Assembly;
        _host = await FunctionHost.StartAsync(new FunctionHostOptions
        {
            AppDirectory = RepositoryFiles.AppOutput,
            Urls = "http://127.0.0.1:0",
            RunTimers = true,
            Settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [StorageOptions.ConnectionKey] = _azurite.ConnectionString,
                [StorageOptions.TaskHubNameKey] = TestNames.Hub("outage"),
                [DurableTask + "storageProvider:partitionCount"] = "1",
                [DurableTask + "storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Staff:DemoAccounts"] = "true",
                ["Privacy:CaseIdKey"] = TestCaseIds.Key,
                ["Notifications:SendSchedule"] = "* * * * * *",
                ["Sweeps:ReminderSweep"] = "*/5 * * * * *",
                ["Sweeps:DailyDigest"] = "*/5 * * * * *",
                ["Sweeps:PipelineRepair"] = "*/5 * * * * *",
                ["Sweeps:RepairAfter"] = "00:00:05",
                ["Sweeps:HistoryPurge"] = "0 0 0 1 1 *",
            },
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Requests_AzuriteDownFor30Seconds_Answer503WithRetryAfterAndRecoverWithoutRestart()
    {
        var lapas = await SignInAsync("lapas.kupang");
        var admin = await SignInAsync("admin");
        var before = await CaseApp.EnrolAsync(lapas);
        await WaitForStageAsync(lapas, before, "Assessment");

        // Azurite saves its on-disk database every few seconds; a kill sooner would lose writes real storage keeps.
        await Task.Delay(PersistDelay);
        _azurite!.KillAll();
        var answers = new List<string>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Outage)
        {
            await ExpectUnavailableAsync(lapas, HttpMethod.Get, "/api/cases", answers);
            await ExpectUnavailableAsync(lapas, HttpMethod.Get, $"/api/cases/{before}", answers);
            await ExpectUnavailableAsync(lapas, HttpMethod.Get, "/kasus", answers);
            await ExpectUnavailableAsync(admin, HttpMethod.Get, "/api/notifications", answers);
            using var health = await lapas.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        Assert.True(answers.Count >= 4, $"Only {answers.Count} requests were answered during the outage.");
        await _azurite.RestartAsync();

        await WaitUntilAsync(async () => (await lapas.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, "health back to 200");
        using (var cases = await lapas.GetAsync("/api/cases"))
        {
            Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        }

        using (var page = await lapas.GetAsync("/kasus"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await CaseApp.PostAsync(lapas, $"/api/cases/{before}/assessment", CaseApp.Assessment, HttpStatusCode.Accepted);
        var recovering = Stopwatch.StartNew();
        await WaitForStageAsync(lapas, before, "Training");
        Console.WriteLine($"Pipeline step after the outage took {recovering.Elapsed}");
        var after = await CaseApp.EnrolAsync(lapas);
        await WaitForStageAsync(lapas, after, "Assessment");
    }

    private async Task<HttpClient> SignInAsync(string username)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host!.BaseAddress, Timeout = TestApp.WaitLimit };
        using var response = await client.PostAsJsonAsync("/api/session", new { username, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task ExpectUnavailableAsync(HttpClient client, HttpMethod method, string path, List<string> answers)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path));
        var body = await response.Content.ReadAsStringAsync();
        answers.Add($"{method} {path}: {(int)response.StatusCode}");
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{method} {path} during the outage: {(int)response.StatusCode} {body}");
        Assert.True(response.Headers.RetryAfter is not null, $"{method} {path}: 503 without Retry-After");
    }

    private static Task WaitForStageAsync(HttpClient client, string caseId, string stage) =>
        WaitUntilAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/cases/{caseId}");
            return response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("progress").GetProperty("stage").GetString() == stage;
        }, $"case {caseId} at {stage}");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RecoveryLimit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not {what} within {RecoveryLimit}.");
            }

            await Task.Delay(250);
        }
    }
}

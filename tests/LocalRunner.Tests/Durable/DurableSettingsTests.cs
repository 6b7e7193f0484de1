using DurableTask.Core.Settings;
using Microsoft.Extensions.Configuration;
using PepFunctions.LocalRunner.Durable;

namespace PepFunctions.LocalRunner.Tests.Durable;

/// <summary>
/// The engine's settings come from where the Functions host reads them: host.json's <c>extensions.durableTask</c>,
/// overridden by <c>AzureFunctionsJobHost__extensions__durableTask__...</c> app settings, with <c>%setting%</c> resolved.
/// </summary>
public sealed class DurableSettingsTests : IDisposable
{
    private const string HostJson = """
        {
          "version": "2.0",
          "extensions": {
            "durableTask": {
              "hubName": "%TaskHubName%",
              "storageProvider": {
                "connectionName": "PepStorage",
                "partitionCount": 2,
                "maxQueuePollingInterval": "00:00:02",
                "controlQueueVisibilityTimeout": "00:01:00",
                "workItemQueueVisibilityTimeout": "00:02:00",
                "controlQueueBatchSize": 16
              },
              "extendedSessionsEnabled": true,
              "maxConcurrentActivityFunctions": 3,
              "maxConcurrentOrchestratorFunctions": 5
            }
          }
        }
        """;

    private readonly DirectoryInfo _app = Directory.CreateTempSubdirectory("pep-runner-durable-settings-");

    [Fact]
    public void Read_HostJson_GivesItsValues()
    {
        WriteHostJson(HostJson);

        var settings = DurableSettings.Read(_app.FullName, Configuration(("TaskHubName", "PepHub")));

        Assert.Equal(new DurableSettings
        {
            HubName = "PepHub",
            ConnectionName = "PepStorage",
            PartitionCount = 2,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(2),
            ControlQueueVisibilityTimeout = TimeSpan.FromMinutes(1),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromMinutes(2),
            ControlQueueBatchSize = 16,
            ExtendedSessionsEnabled = true,
            MaxConcurrentActivityFunctions = 3,
            MaxConcurrentOrchestratorFunctions = 5,
        }, settings);
    }

    [Fact]
    public void Read_AzureFunctionsJobHostSettingsFromLocalSettings_OverrideHostJson()
    {
        WriteHostJson(HostJson);
        var localSettings = Path.Combine(_app.FullName, "local.settings.json");
        File.WriteAllText(localSettings, """
            {
              "Values": {
                "TaskHubName": "PepHub",
                "AzureFunctionsJobHost__extensions__durableTask__hubName": "OtherHub",
                "AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount": "1",
                "AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval": "00:00:00.250",
                "AzureFunctionsJobHost__extensions__durableTask__extendedSessionsEnabled": "false"
              }
            }
            """);

        var settings = DurableSettings.Read(_app.FullName, new ConfigurationBuilder().AddInMemoryCollection(LocalSettings.Read(localSettings)).Build());

        Assert.Equal("OtherHub", settings.HubName);
        Assert.Equal(1, settings.PartitionCount);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.MaxQueuePollingInterval);
        Assert.False(settings.ExtendedSessionsEnabled);
        Assert.Equal(16, settings.ControlQueueBatchSize);
    }

    /// <remarks>
    /// The host's defaults, from Azure/azure-functions-durable-extension's
    /// <c>src/WebJobs.Extensions.DurableTask/Options/DurableTaskOptions.cs</c>: <c>DefaultVersion</c> unset (null),
    /// <c>VersionMatchStrategy = CurrentOrOlder</c>, <c>VersionFailureStrategy = Reject</c>.
    /// </remarks>
    [Fact]
    public void Read_NoVersioningKeys_GivesTheDurableFunctionsHostDefaults()
    {
        WriteHostJson("""{ "extensions": { "durableTask": { "hubName": "PlainHub" } } }""");

        var settings = DurableSettings.Read(_app.FullName, Configuration());

        Assert.Null(settings.DefaultVersion);
        Assert.Equal(VersioningSettings.VersionMatchStrategy.CurrentOrOlder, settings.VersionMatchStrategy);
        Assert.Equal(VersioningSettings.VersionFailureStrategy.Reject, settings.VersionFailureStrategy);
        Assert.Equal("", settings.ToVersioningSettings().Version);
    }

    [Fact]
    public void Read_VersioningKeysInHostJsonAndAnOverride_GivesThemToTheWorker()
    {
        WriteHostJson("""
            { "extensions": { "durableTask": { "hubName": "V", "defaultVersion": "1.0", "versionMatchStrategy": "strict", "versionFailureStrategy": "Reject" } } }
            """);

        var settings = DurableSettings.Read(_app.FullName, Configuration(("AzureFunctionsJobHost:extensions:durableTask:versionFailureStrategy", "Fail")));

        var worker = settings.ToVersioningSettings();
        Assert.Equal("1.0", worker.Version);
        Assert.Equal(VersioningSettings.VersionMatchStrategy.Strict, worker.MatchStrategy);
        Assert.Equal(VersioningSettings.VersionFailureStrategy.Fail, worker.FailureStrategy);
    }

    [Theory]
    [InlineData("Newest")]
    [InlineData("2")]
    public void Read_UnknownMatchStrategy_IsRefusedNamingTheValue(string value)
    {
        WriteHostJson($$"""{ "extensions": { "durableTask": { "hubName": "V", "versionMatchStrategy": "{{value}}" } } }""");

        var refused = Assert.Throws<InvalidOperationException>(() => DurableSettings.Read(_app.FullName, Configuration()));

        Assert.Contains($"'{value}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CurrentOrOlder", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SettingNameWithDoubleUnderscores_ResolvesTheSection()
    {
        WriteHostJson("""{ "extensions": { "durableTask": { "hubName": "%Durable__Hub%" } } }""");

        var settings = DurableSettings.Read(_app.FullName, Configuration(("Durable:Hub", "SectionHub")));

        Assert.Equal("SectionHub", settings.HubName);
    }

    [Fact]
    public void Read_OverrideNamingASetting_ResolvesIt()
    {
        WriteHostJson(HostJson);

        var settings = DurableSettings.Read(_app.FullName, Configuration(
            ("TaskHubName", "PepHub"), ("Partitions", "3"), ("AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount", "%Partitions%")));

        Assert.Equal(3, settings.PartitionCount);
    }

    [Fact]
    public void Read_HubNameFromAnUnsetSetting_NamesTheSetting()
    {
        WriteHostJson(HostJson);

        var refused = Assert.Throws<InvalidOperationException>(() => DurableSettings.Read(_app.FullName, Configuration()));

        Assert.Contains("'TaskHubName'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not set", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeysInAnotherCaseAndComments_AreReadAsTheFunctionsHostReadsThem()
    {
        WriteHostJson("""
            {
              // the Durable Functions extension
              "Extensions": { "DurableTask": { "HubName": "CasedHub", "StorageProvider": { "PartitionCount": 2, }, }, },
            }
            """);

        var settings = DurableSettings.Read(_app.FullName, Configuration());

        Assert.Equal("CasedHub", settings.HubName);
        Assert.Equal(2, settings.PartitionCount);
    }

    [Fact]
    public void Read_NoHostJson_GivesTheFunctionsDefaults()
    {
        var settings = DurableSettings.Read(_app.FullName, Configuration());

        Assert.Equal(new DurableSettings(), settings);
        Assert.Equal("TestHubName", settings.HubName);
        Assert.Equal("AzureWebJobsStorage", settings.ConnectionName);
        Assert.Equal(4, settings.PartitionCount);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.ControlQueueVisibilityTimeout);
    }

    public void Dispose() => _app.Delete(recursive: true);

    private void WriteHostJson(string json) => File.WriteAllText(Path.Combine(_app.FullName, "host.json"), json);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DurableTask.AzureStorage;
using DurableTask.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// The Durable Functions settings the runner applies to the engine, read where the Functions host reads them:
/// <c>extensions.durableTask</c> in the app's <c>host.json</c>, overridden by app settings named
/// <c>AzureFunctionsJobHost__extensions__durableTask__...</c>, with <c>%setting%</c> values resolved.
/// </summary>
public sealed record DurableSettings
{
    /// <summary>The Azure Storage provider's settings for these values, on the storage of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">The storage account's connection string.</param>
    /// <param name="loggerFactory">Where the provider logs.</param>
    /// <param name="workerName">Added to the worker id (machine and process), to tell engines in one process apart.</param>
    public AzureStorageOrchestrationServiceSettings ToServiceSettings(string connectionString, ILoggerFactory loggerFactory, string workerName = "") => new()
    {
        TaskHubName = HubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        PartitionCount = PartitionCount,
        MaxQueuePollingInterval = MaxQueuePollingInterval,
        ControlQueueVisibilityTimeout = ControlQueueVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = WorkItemQueueVisibilityTimeout,
        ControlQueueBatchSize = ControlQueueBatchSize,
        ExtendedSessionsEnabled = ExtendedSessionsEnabled,
        MaxConcurrentTaskActivityWorkItems = MaxConcurrentActivityFunctions,
        MaxConcurrentTaskOrchestrationWorkItems = MaxConcurrentOrchestratorFunctions,
        // Durable Functions turns this on (AzureStorageDurabilityProviderFactory): a start for an id that is running
        // throws instead of being dropped silently.
        ThrowExceptionOnInvalidDedupeStatus = true,
        WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}{(workerName.Length == 0 ? "" : "-" + workerName)}",
        LoggerFactory = loggerFactory,
    };

    /// <summary>The task hub (<c>hubName</c>).</summary>
    public string HubName { get; init; } = "TestHubName";

    /// <summary>The setting with the storage connection string (<c>storageProvider.connectionName</c>).</summary>
    public string ConnectionName { get; init; } = "AzureWebJobsStorage";

    /// <summary>Control queues (<c>storageProvider.partitionCount</c>).</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>The longest wait between polls of an idle queue (<c>storageProvider.maxQueuePollingInterval</c>).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a control-queue message a worker took stays hidden from the others (<c>storageProvider.controlQueueVisibilityTimeout</c>):
    /// after a crash, the work that was in flight runs again this long after it was taken.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The same for the activities' work-item queue (<c>storageProvider.workItemQueueVisibilityTimeout</c>).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages taken from a control queue at once (<c>storageProvider.controlQueueBatchSize</c>).</summary>
    public int ControlQueueBatchSize { get; init; } = 32;

    /// <summary>Keep orchestrations in memory between steps (<c>extendedSessionsEnabled</c>).</summary>
    public bool ExtendedSessionsEnabled { get; init; }

    /// <summary>Activities run at once (<c>maxConcurrentActivityFunctions</c>).</summary>
    public int MaxConcurrentActivityFunctions { get; init; } = 10;

    /// <summary>Orchestration steps run at once (<c>maxConcurrentOrchestratorFunctions</c>).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; init; } = 10;

    /// <summary>
    /// The version every new orchestration gets when its starter names none (<c>defaultVersion</c>); null (the host's
    /// default) starts them unversioned. It is also the worker's own version, which <see cref="VersionMatchStrategy"/> compares with.
    /// </summary>
    public string? DefaultVersion { get; init; }

    /// <summary>Which instances this worker runs (<c>versionMatchStrategy</c>); the host's default is <c>CurrentOrOlder</c>.</summary>
    public VersioningSettings.VersionMatchStrategy VersionMatchStrategy { get; init; } = VersioningSettings.VersionMatchStrategy.CurrentOrOlder;

    /// <summary>What becomes of an instance this worker may not run (<c>versionFailureStrategy</c>); the host's default is <c>Reject</c>.</summary>
    public VersioningSettings.VersionFailureStrategy VersionFailureStrategy { get; init; } = VersioningSettings.VersionFailureStrategy.Reject;

    /// <summary>The settings the Durable Task Framework's <c>TaskHubWorker</c> checks each orchestration step against.</summary>
    /// <remarks>
    /// As Durable Functions hands them to its worker: the worker's version is <see cref="DefaultVersion"/> (empty when
    /// unset, which <see cref="VersioningSettings.CompareVersions"/> orders before every version, so an unversioned
    /// worker refuses a versioned instance under <c>CurrentOrOlder</c>).
    /// </remarks>
    public VersioningSettings ToVersioningSettings() => new()
    {
        Version = DefaultVersion ?? string.Empty,
        MatchStrategy = VersionMatchStrategy,
        FailureStrategy = VersionFailureStrategy,
    };

    private const string OverridePrefix = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The settings for the app in <paramref name="appDirectory"/>, with <paramref name="configuration"/> its settings.</summary>
    public static DurableSettings Read(string appDirectory, IConfiguration configuration)
    {
        var path = Path.Combine(appDirectory, "host.json");
        // Keys in any case, comments allowed: as the Functions host reads host.json.
        var durable = File.Exists(path)
            ? Find(JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }), "extensions:durableTask")
            : null;
        string? Get(string key)
        {
            var value = configuration[$"{OverridePrefix}:{key}"] ?? Find(durable, key)?.ToString();
            return value is null ? null : Resolve(value, configuration);
        }

        var defaults = new DurableSettings();
        return new DurableSettings
        {
            HubName = Get("hubName") ?? defaults.HubName,
            ConnectionName = Get("storageProvider:connectionName") ?? defaults.ConnectionName,
            PartitionCount = Int(Get("storageProvider:partitionCount")) ?? defaults.PartitionCount,
            MaxQueuePollingInterval = Time(Get("storageProvider:maxQueuePollingInterval")) ?? defaults.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = Time(Get("storageProvider:controlQueueVisibilityTimeout")) ?? defaults.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = Time(Get("storageProvider:workItemQueueVisibilityTimeout")) ?? defaults.WorkItemQueueVisibilityTimeout,
            ControlQueueBatchSize = Int(Get("storageProvider:controlQueueBatchSize")) ?? defaults.ControlQueueBatchSize,
            ExtendedSessionsEnabled = Get("extendedSessionsEnabled") is { } extended ? bool.Parse(extended) : defaults.ExtendedSessionsEnabled,
            MaxConcurrentActivityFunctions = Int(Get("maxConcurrentActivityFunctions")) ?? defaults.MaxConcurrentActivityFunctions,
            MaxConcurrentOrchestratorFunctions = Int(Get("maxConcurrentOrchestratorFunctions")) ?? defaults.MaxConcurrentOrchestratorFunctions,
            DefaultVersion = Get("defaultVersion") is { Length: > 0 } version ? version : defaults.DefaultVersion,
            VersionMatchStrategy = Enum<VersioningSettings.VersionMatchStrategy>(Get("versionMatchStrategy")) ?? defaults.VersionMatchStrategy,
            VersionFailureStrategy = Enum<VersioningSettings.VersionFailureStrategy>(Get("versionFailureStrategy")) ?? defaults.VersionFailureStrategy,
        };
    }

    private static JsonNode? Find(JsonNode? node, string key)
    {
        foreach (var part in key.Split(':'))
        {
            node = node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase)).Value : null;
        }

        return node;
    }

    private static string Resolve(string value, IConfiguration configuration) =>
        Regex.Replace(value, "%([^%]+)%", match =>
            configuration[match.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)]
            ?? throw new InvalidOperationException($"host.json's durableTask settings name the app setting '{match.Groups[1].Value}', which is not set."));

    private static int? Int(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    // Member names in any case; anything else is refused rather than read as the default, so a typo cannot switch the check off.
    private static TEnum? Enum<TEnum>(string? value) where TEnum : struct, Enum =>
        value is null ? null
        : System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed
        : throw new InvalidOperationException($"host.json's durableTask setting has '{value}', which is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    private static TimeSpan? Time(string? value) => value is null ? null : TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}

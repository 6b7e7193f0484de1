using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Hosting;

/// <summary>Where the app's own records live: the function app's storage account, under the task hub's name.</summary>
public sealed class StorageOptions
{
    /// <summary>The setting naming the task hub; host.json's <c>durableTask.hubName</c> reads the same one.</summary>
    public const string TaskHubNameKey = "TaskHubName";

    /// <summary>The Functions storage setting: a connection string, or a section with <c>accountName</c> (managed identity).</summary>
    public const string ConnectionKey = "AzureWebJobsStorage";

    /// <summary>The task hub: prefixes the app's tables (<c>{hub}Cases</c>) and its file container, as Durable Functions prefixes its own.</summary>
    public string TaskHubName { get; set; } = "PepHub";
}

/// <summary>Registers table and blob clients on <c>AzureWebJobsStorage</c>, the account Durable Functions uses.</summary>
internal static class StorageHosting
{
    /// <summary>
    /// Adds <see cref="StorageOptions"/> and the <see cref="TableServiceClient"/> and <see cref="BlobServiceClient"/>.
    /// <c>AzureWebJobsStorage</c> is either a connection string (Azurite: <c>UseDevelopmentStorage=true</c>) or, in Azure,
    /// the identity-based settings <c>AzureWebJobsStorage__accountName</c> and <c>__clientId</c> (a user-assigned managed identity).
    /// </summary>
    public static IHostApplicationBuilder AddRecordStorageAccount(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>(static (options, configuration) =>
                options.TaskHubName = configuration[StorageOptions.TaskHubNameKey] is { Length: > 0 } hub ? hub : options.TaskHubName);
        builder.Services.TryAddSingleton(sp => CreateTables(sp.GetRequiredService<IConfiguration>()));
        builder.Services.TryAddSingleton(sp => CreateBlobs(sp.GetRequiredService<IConfiguration>()));
        return builder;
    }

    private static TableServiceClient CreateTables(IConfiguration configuration) =>
        ConnectionString(configuration) is { } connectionString
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(AccountUri(configuration, "table"), Credential(configuration));

    private static BlobServiceClient CreateBlobs(IConfiguration configuration) =>
        ConnectionString(configuration) is { } connectionString
            ? new BlobServiceClient(connectionString)
            : new BlobServiceClient(AccountUri(configuration, "blob"), Credential(configuration));

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration[StorageOptions.ConnectionKey] is { Length: > 0 } value ? value : null;

    private static Uri AccountUri(IConfiguration configuration, string service)
    {
        var section = configuration.GetSection(StorageOptions.ConnectionKey);
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        return section["accountName"] is { Length: > 0 } account
            ? new Uri($"https://{account}.{service}.core.windows.net")
            : throw new OptionsValidationException(StorageOptions.ConnectionKey, typeof(StorageOptions),
                [$"Set {StorageOptions.ConnectionKey} (a connection string) or {StorageOptions.ConnectionKey}__accountName (managed identity)."]);
    }

    private static TokenCredential Credential(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.ConnectionKey)["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using PepFunctions.Testing;

namespace PepFunctions.LocalRunner.Tests.Support;

/// <summary>
/// A task hub of one test on the shared Azurite: the settings that point a host at it, and the clean-up of
/// everything named after it — the engine's tables, queues and containers and the app's own tables and files.
/// </summary>
internal sealed class TaskHub
{
    private TaskHub(AzuriteHost azurite, string name)
    {
        ConnectionString = azurite.ConnectionString;
        Name = name;
    }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>The app settings that run the app on this hub, with the engine tuned for Azurite (issue 6).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["AzureWebJobsStorage"] = ConnectionString,
        ["TaskHubName"] = Name,
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "1",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.250",
        ["Demo__Seed"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>A hub with a name no other test uses, on the shared Azurite.</summary>
    public static async Task<TaskHub> CreateAsync(string prefix) => new(await AzuriteHost.SharedAsync(), TestNames.Hub(prefix));

    /// <summary>The names of the tables whose name starts with the hub's.</summary>
    public async Task<List<string>> TablesAsync()
    {
        var tables = new List<string>();
        var service = new TableServiceClient(ConnectionString);
        await foreach (var table in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {Name} and TableName lt {Name + "~"}")))
        {
            tables.Add(table.Name);
        }

        return tables;
    }

    /// <summary>Deletes every table, queue and blob container named after the hub.</summary>
    public async Task DeleteAsync()
    {
        var tables = new TableServiceClient(ConnectionString);
        foreach (var table in await TablesAsync())
        {
            await tables.DeleteTableAsync(table);
        }

        var queues = new QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: Name))
        {
            await queues.DeleteQueueAsync(queue.Name);
        }

        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: Name))
        {
            // The engine leases a container of its own (the app lease); a host that has stopped may not have let go of it.
            var client = blobs.GetBlobContainerClient(container.Name);
            if (container.Properties.LeaseState == LeaseState.Leased)
            {
                await client.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
            }

            await client.DeleteAsync();
        }
    }
}

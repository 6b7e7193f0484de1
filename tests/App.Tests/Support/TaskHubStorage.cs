using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;

namespace PepFunctions.App.Tests.Support;

/// <summary>Everything a task hub leaves in storage, found by the hub's name.</summary>
/// <remarks>
/// The Azure Storage provider names its tables <c>{hub}Instances</c>, <c>{hub}History</c> and <c>{hub}Partitions</c>,
/// its queues <c>{hub}-control-00</c>… and <c>{hub}-workitems</c>, its containers <c>{hub}-applease</c> and (for large
/// messages) <c>{hub}-largemessages</c>; the app names its tables <c>{hub}Cases</c>… and its container <c>{hub}-files</c>.
/// Test hub names are unique random strings (<see cref="Testing.TestNames.Hub"/>), so the prefix finds them all and nothing else.
/// </remarks>
internal static class TaskHubStorage
{
    /// <summary>Deletes every table, queue and blob container whose name starts with <paramref name="hubName"/>.</summary>
    public static async Task DeleteAsync(string connectionString, string hubName)
    {
        var lower = hubName.ToLowerInvariant();
        var tables = new TableServiceClient(connectionString);
        var queues = new QueueServiceClient(connectionString);
        var blobs = new BlobServiceClient(connectionString);
        var deletions = new List<Task>();
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {hubName} and TableName lt {hubName + "~"}")))
        {
            deletions.Add(tables.DeleteTableAsync(table.Name));
        }

        await foreach (var queue in queues.GetQueuesAsync(prefix: lower))
        {
            deletions.Add(queues.DeleteQueueAsync(queue.Name));
        }

        await foreach (var container in blobs.GetBlobContainersAsync(prefix: lower))
        {
            deletions.Add(DeleteContainerAsync(blobs.GetBlobContainerClient(container.Name)));
        }

        await Task.WhenAll(deletions);
    }

    // The provider leases its app-lease container and a stopped worker may still hold it: break the lease first.
    private static async Task DeleteContainerAsync(BlobContainerClient container)
    {
        try
        {
            await container.DeleteAsync();
        }
        catch (Azure.RequestFailedException ex) when (ex.ErrorCode == "LeaseIdMissing")
        {
            await container.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
            await container.DeleteAsync();
        }
    }

    /// <summary>The names of what is left of the hub in storage.</summary>
    public static async Task<List<string>> ListAsync(string connectionString, string hubName)
    {
        var lower = hubName.ToLowerInvariant();
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(connectionString).QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {hubName} and TableName lt {hubName + "~"}")))
        {
            names.Add("table " + table.Name);
        }

        await foreach (var queue in new QueueServiceClient(connectionString).GetQueuesAsync(prefix: lower))
        {
            names.Add("queue " + queue.Name);
        }

        await foreach (var container in new BlobServiceClient(connectionString).GetBlobContainersAsync(prefix: lower))
        {
            names.Add("container " + container.Name);
        }

        return names;
    }
}

using System.Text;

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>
/// Reads every table, blob container and queue of the storage account (not only the test's hub) and says where any of
/// the given values appears: in a key or a column, a blob's name or content, or a queue message (as sent or base64-decoded).
/// </summary>
internal static class StorageScan
{
    private const int LargestBlob = 4 * 1024 * 1024;

    /// <summary>Where each of <paramref name="values"/> was found (case-insensitive), e.g. <c>table PepHubCases: FullName</c>; empty when nowhere.</summary>
    public static async Task<List<string>> FindAsync(string connectionString, params string[] values)
    {
        var found = new List<string>();
        void Check(string place, string? text)
        {
            foreach (var value in values)
            {
                if (text is not null && text.Contains(value, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{place} holds '{value}'");
                }
            }
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await UnlessGoneAsync(async () =>
            {
                await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    foreach (var (column, value) in row)
                    {
                        Check($"table {table.Name} ({row.PartitionKey}, {row.RowKey}) {column}", value switch
                        {
                            byte[] bytes => Encoding.UTF8.GetString(bytes),
                            BinaryData data => data.ToString(),
                            _ => value?.ToString(),
                        });
                    }
                }
            });
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await UnlessGoneAsync(async () =>
            {
                await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, default))
                {
                    Check($"blob name {container.Name}/{blob.Name}", blob.Name);
                    if (blob.Properties.ContentLength is <= LargestBlob)
                    {
                        var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
                        Check($"blob {container.Name}/{blob.Name}", Encoding.UTF8.GetString(content.ToArray()));
                    }
                }
            });
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            await UnlessGoneAsync(async () =>
            {
                var messages = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32);
                foreach (var message in messages.Value)
                {
                    var text = message.Body.ToString();
                    Check($"queue {queue.Name}", text);
                    Check($"queue {queue.Name} (base64)", TryBase64(text));
                }
            });
        }

        return found;
    }

    // Other test classes share the account and delete their hub's tables, containers and queues when they end: one that
    // goes while it is being read held nothing of this test's person.
    private static async Task UnlessGoneAsync(Func<Task> scan)
    {
        try
        {
            await scan();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static string? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
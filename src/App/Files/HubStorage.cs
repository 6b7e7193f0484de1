using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Files;

/// <summary>
/// The tables and the blob container the programme's records live in, named after the task hub
/// (<c>{hub}TrainingBatches</c>, <c>{hub lowercase}-files</c>) so each hub — and each test — has its own.
/// </summary>
/// <remarks>Each table and the container are created on first use, once per process.</remarks>
public sealed class HubStorage(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    private readonly string _hub = options.Value.TaskHubName;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private Lazy<Task<BlobContainerClient>>? _files;

    /// <summary>The hub's table <c>{hub}{name}</c>, created if it does not exist yet.</summary>
    public async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(name, key => new Lazy<Task<TableClient>>(() => CreateTableAsync(_hub + key)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed creation (storage briefly unreachable) is tried again by the next caller.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    /// <summary>The hub's file container <c>{hub lowercase}-files</c>, created if it does not exist yet.</summary>
    public async Task<BlobContainerClient> FilesAsync(CancellationToken cancellationToken)
    {
        var lazy = LazyInitializer.EnsureInitialized(ref _files, () => new Lazy<Task<BlobContainerClient>>(CreateContainerAsync));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            Interlocked.CompareExchange(ref _files, null, lazy);
            throw;
        }
    }

    private async Task<TableClient> CreateTableAsync(string fullName)
    {
        var table = tables.GetTableClient(fullName);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private async Task<BlobContainerClient> CreateContainerAsync()
    {
        var container = blobs.GetBlobContainerClient(_hub.ToLowerInvariant() + "-files");
        await container.CreateIfNotExistsAsync();
        return container;
    }
}

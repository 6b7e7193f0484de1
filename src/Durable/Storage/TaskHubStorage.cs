using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PepFunctions.Durable.Storage;

/// <summary>The storage clients of one task hub, and its one-time creation.</summary>
internal sealed class TaskHubStorage
{
    private readonly object _gate = new();
    private Task? _created;

    public TaskHubStorage(DurableStorageOptions options)
    {
        var tableOptions = WithPolicies(new TableClientOptions(), options);
        var queueOptions = WithPolicies(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, options);
        var blobOptions = WithPolicies(new BlobClientOptions(), options);
        var tables = new TableServiceClient(options.ConnectionString, tableOptions);
        var hub = options.TaskHubName;
        var lowerHub = hub.ToLowerInvariant();

        Instances = tables.GetTableClient($"{hub}Instances");
        Timers = tables.GetTableClient($"{hub}Timers");
        DeadLetters = tables.GetTableClient($"{hub}DeadLetters");
        WorkQueue = new QueueServiceClient(options.ConnectionString, queueOptions).GetQueueClient($"{lowerHub}-work");
        Payloads = new BlobServiceClient(options.ConnectionString, blobOptions).GetBlobContainerClient($"{lowerHub}-payloads");
    }

    public TableClient Instances { get; }

    public TableClient Timers { get; }

    public TableClient DeadLetters { get; }

    public QueueClient WorkQueue { get; }

    public BlobContainerClient Payloads { get; }

    /// <summary>Creates the hub's tables, queue and container once per process; a failed attempt is tried again on the next call.</summary>
    public Task EnsureCreatedAsync()
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAllAsync();
            }

            return _created;
        }
    }

    /// <summary>Deletes everything the hub stores.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            Instances.DeleteAsync(cancellationToken),
            Timers.DeleteAsync(cancellationToken),
            DeadLetters.DeleteAsync(cancellationToken),
            WorkQueue.DeleteIfExistsAsync(cancellationToken),
            Payloads.DeleteIfExistsAsync(cancellationToken: cancellationToken));
    }

    private async Task CreateAllAsync()
    {
        await Task.WhenAll(
            Instances.CreateIfNotExistsAsync(),
            Timers.CreateIfNotExistsAsync(),
            DeadLetters.CreateIfNotExistsAsync(),
            WorkQueue.CreateIfNotExistsAsync(),
            Payloads.CreateIfNotExistsAsync());
    }

    private static T WithPolicies<T>(T clientOptions, DurableStorageOptions options) where T : ClientOptions
    {
        foreach (var policy in options.AdditionalPolicies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return clientOptions;
    }
}

using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Azure.Functions.Worker;

namespace PepFunctions.LocalRunner;

/// <summary>
/// What the Functions host keeps in the app's storage for timer triggers, kept the same way: a blob lease per timer
/// function so that one host process at a time runs its schedule, and the schedule's status (last and next run) so
/// that a run missed while no host ran fires once at start, with <c>IsPastDue</c>.
/// </summary>
/// <remarks>
/// From Azure/azure-webjobs-sdk and azure-webjobs-sdk-extensions: a timer trigger's listener is a singleton held by a
/// blob lease (<c>locks/{hostId}/{function}.Listener</c> in the container <c>azure-webjobs-hosts</c>; lock period 15 s,
/// a host without the lock tries again every minute), and <c>StorageScheduleMonitor</c> keeps
/// <c>timers/{hostId}/{function}/status</c>; at start a <c>Next</c> in the past means a run was missed, and it runs once,
/// past due. The runner's host id is the task hub name, so runners on different hubs do not share locks.
/// Pinned by <c>TimerStoreTests</c>.
/// </remarks>
internal sealed class TimerStore(BlobContainerClient container, string hostId)
{
    public const string ContainerName = "azure-webjobs-hosts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>How long a lease lasts; it is renewed well before.</summary>
    public TimeSpan LockPeriod { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a process without the lease tries to take it.</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromMinutes(1);

    public static TimerStore Create(string connectionString, string hostId) =>
        new(new BlobServiceClient(connectionString).GetBlobContainerClient(ContainerName), hostId.ToLowerInvariant());

    /// <summary>Waits until this process holds <paramref name="function"/>'s lease, and keeps it renewed until <paramref name="stopping"/>.</summary>
    /// <returns>A token cancelled if the lease is lost (another process may then run the schedule).</returns>
    public async Task<CancellationToken> HoldAsync(string function, CancellationToken stopping)
    {
        var blob = container.GetBlobClient($"locks/{hostId}/{function}.Listener");
        await container.CreateIfNotExistsAsync(cancellationToken: stopping);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, stopping);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists already (possibly leased by another process).
        }

        var lease = blob.GetBlobLeaseClient();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LockPeriod, cancellationToken: stopping);
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                await Task.Delay(RecoveryInterval, stopping);
            }
        }

        var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _ = Task.Run(() => RenewAsync(lease, lost), CancellationToken.None);
        return lost.Token;
    }

    /// <summary>The schedule's stored status, or null when it has none yet.</summary>
    public async Task<ScheduleStatus?> ReadStatusAsync(string function, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Status(function).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteStatusAsync(string function, ScheduleStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await Status(function).UploadAsync(BinaryData.FromObjectAsJson(status, Json), overwrite: true, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Status(function).UploadAsync(BinaryData.FromObjectAsJson(status, Json), overwrite: true, cancellationToken);
        }
    }

    private BlobClient Status(string function) => container.GetBlobClient($"timers/{hostId}/{function}/status");

    private async Task RenewAsync(BlobLeaseClient lease, CancellationTokenSource lost)
    {
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(LockPeriod / 3, lost.Token);
                await lease.RenewAsync(cancellationToken: lost.Token);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Stopping: let the lease go, so another process can take the schedule at once.
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lost already, or storage is gone: it expires within the lock period.
            }
        }
        catch (Exception)
        {
            // The lease could not be renewed (lost, or storage unreachable): stop firing until it is held again.
            await lost.CancelAsync();
        }
    }
}

using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Health;

/// <summary>
/// Probes what the app needs: the storage account its records live in and, when the function has a durable client,
/// the task hub behind it. Each probe is one cheap read that must answer within <see cref="HealthOptions.StorageTimeout"/>.
/// </summary>
/// <remarks>
/// The durable worker runs in the Functions host (or the local runner), out of this process's reach; a task hub
/// that answers a one-item instance query is as close as the app can look. A probe that fails or times out is
/// logged (without payloads) and reported as unreachable; it is not an error of the request. An answer is reused for
/// <see cref="HealthOptions.CacheFor"/>, so frequent probes cost no storage calls.
/// </remarks>
public sealed class HealthProbe(TableServiceClient tables, IOptions<HealthOptions> options, ILogger<HealthProbe> logger, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // The last answer with and without the task hub, and when it was made; replaced whole, so readers see one or the other.
    private (HealthResponse Answer, DateTimeOffset At)? _withHub;
    private (HealthResponse Answer, DateTimeOffset At)? _withoutHub;

    /// <summary>Probes storage and, when <paramref name="client"/> is given, the task hub, side by side; or answers as the last probe did, within <see cref="HealthOptions.CacheFor"/>.</summary>
    public async Task<HealthResponse> CheckAsync(DurableTaskClient? client, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var last = client is null ? _withoutHub : _withHub;
        if (last is { } cached && now - cached.At < options.Value.CacheFor)
        {
            return cached.Answer;
        }

        var answer = await ProbeAllAsync(client, cancellationToken);
        if (client is null)
        {
            _withoutHub = (answer, now);
        }
        else
        {
            _withHub = (answer, now);
        }

        return answer;
    }

    private async Task<HealthResponse> ProbeAllAsync(DurableTaskClient? client, CancellationToken cancellationToken)
    {
        var storage = ProbeAsync("storage", ReadOneTableAsync, cancellationToken);
        var durable = client is null ? null : ProbeAsync("durable", ct => ReadOneInstanceAsync(client, ct), cancellationToken);
        var storageUp = await storage;
        bool? durableUp = durable is null ? null : await durable;
        return new HealthResponse(
            storageUp && durableUp != false ? HealthResponse.Healthy : HealthResponse.Unhealthy,
            Reachability(storageUp),
            durableUp is { } up ? Reachability(up) : null);
    }

    private async Task<bool> ProbeAsync(string dependency, Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.StorageTimeout);
        try
        {
            // WaitAsync too: a client that ignores the token must not hold the answer past the timeout.
            await read(timeout.Token).WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health probe of {Dependency} failed within {Timeout}", dependency, options.Value.StorageTimeout);
            return false;
        }
    }

    private async Task ReadOneTableAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }

    private static async Task ReadOneInstanceAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1 }).AsPages(pageSizeHint: 1).WithCancellation(cancellationToken))
        {
            return;
        }
    }

    private static string Reachability(bool up) => up ? "reachable" : "unreachable";
}

/// <summary>The app's health.</summary>
/// <param name="Status"><c>Healthy</c> or <c>Unhealthy</c>.</param>
/// <param name="Storage">The records' storage account: <c>reachable</c> or <c>unreachable</c>.</param>
/// <param name="Durable">The task hub, through the durable client: <c>reachable</c>, <c>unreachable</c>, or null when no client was bound.</param>
public sealed record HealthResponse(string Status, string Storage, string? Durable)
{
    /// <summary>Every dependency answered.</summary>
    public const string Healthy = "Healthy";

    /// <summary>At least one dependency did not answer in time.</summary>
    public const string Unhealthy = "Unhealthy";
}

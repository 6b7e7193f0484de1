using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable;

/// <summary>Reading instances, waiting for them, purging them, and dead letters.</summary>
public sealed partial class DurableTaskClient
{
    /// <summary>Reads an instance; null when it does not exist.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        var record = await _instances.GetAsync(instanceId, withDocument: false, cancellationToken);
        return record?.ToMetadata(getInputsAndOutputs);
    }

    /// <summary>Lists instances matching <paramref name="query"/>, a page at a time.</summary>
    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        return await _instances.QueryAsync(query, cancellationToken);
    }

    /// <summary>Waits until the instance has ended (completed, failed or terminated) and returns it.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="OperationCanceledException">The token was canceled first.</exception>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var instance = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken)
                ?? throw new InstanceNotFoundException(instanceId);
            if (instance.Status.IsTerminal())
            {
                return instance;
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(500, delay.TotalMilliseconds * 2));
        }
    }

    /// <summary>The current execution's history, oldest first.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        var record = await _instances.GetAsync(instanceId, withDocument: true, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        return record.Document.History;
    }

    /// <summary>Deletes an ended instance, its history and its blobs.</summary>
    /// <returns>False when there was no such instance.</returns>
    /// <exception cref="InvalidOperationException">The instance has not ended; terminate it first.</exception>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        var record = await _instances.GetAsync(instanceId, withDocument: false, cancellationToken);
        if (record is null)
        {
            return false;
        }

        if (!record.Status.IsTerminal())
        {
            throw new InvalidOperationException($"Orchestration instance '{instanceId}' is {record.Status}; only ended instances can be purged. Terminate it first.");
        }

        var deleted = await _instances.DeleteAsync(instanceId, record.ETag, cancellationToken);
        if (deleted)
        {
            await _payloads.DeleteInstanceBlobsAsync(instanceId, cancellationToken);
        }

        return deleted;
    }

    /// <summary>Purges every ended instance matching <paramref name="filter"/> (active ones are skipped).</summary>
    /// <returns>How many were purged.</returns>
    public async Task<int> PurgeInstancesAsync(InstanceQuery filter, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        var query = filter with { FetchPayloads = false, ContinuationToken = null };
        do
        {
            var page = await QueryInstancesAsync(query, cancellationToken);
            foreach (var instance in page.Items.Where(i => i.Status.IsTerminal()))
            {
                if (await PurgeInstanceAsync(instance.InstanceId, cancellationToken))
                {
                    purged++;
                }
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        return purged;
    }

    /// <summary>Messages that kept failing and were set aside, optionally for one instance.</summary>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string? instanceId = null, int max = 100, CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        return await _deadLetters.ListAsync(instanceId, max, cancellationToken);
    }

    /// <summary>Puts a dead-lettered message back to work, with its attempts reset.</summary>
    /// <returns>False when the dead letter no longer exists (already re-driven or deleted).</returns>
    public async Task<bool> RedriveAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        if (await _deadLetters.TakeAsync(deadLetter, cancellationToken) is not { } taken)
        {
            return false;
        }

        var message = taken.Message with { LastError = null };
        if (message.Kind == MessageKind.TimerFired || (taken.Letter.Source == "timer" && message.FireAt is not null))
        {
            await _timers.UpsertAsync([message], cancellationToken);
        }
        else
        {
            await _queue.SendAsync(message, null, cancellationToken);
        }

        _creator.NotifyLocalWork();
        return true;
    }
}

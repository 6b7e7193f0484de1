using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>Creates instances for the client and for sub-orchestrations.</summary>
/// <remarks>
/// The wake-up (a queue message, or a timer row for a later start) is written before the instance entity:
/// if the entity write never happens, the wake-up finds no instance and is dropped after a few tries;
/// if it happens, the wake-up is already there. Either way nothing is left stuck.
/// </remarks>
internal sealed class InstanceCreator(InstanceStore instances, WorkQueue queue, TimerStore timers, WorkSignals signals, TimeProvider time)
{
    /// <summary>Creates the instance, or returns the existing record when the id is taken.</summary>
    public async Task<InstanceRecord?> CreateAsync(
        string instanceId, string name, string version, string? input, string executionId, ParentReference? parent,
        DateTimeOffset? startAt, CancellationToken cancellationToken, InstanceRecord? replacing = null)
    {
        var now = time.GetUtcNow();
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = name,
            Version = version,
            ExecutionId = executionId,
            Status = OrchestrationStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            StartAt = startAt,
            Input = input,
            Document = new InstanceDocument { Parent = parent },
        };
        await WriteWakeUpAsync(record, now, cancellationToken);
        if (replacing is not null)
        {
            record.ETag = replacing.ETag;
            await instances.ReplaceAsync(record, cancellationToken);
        }
        else if (!await instances.TryInsertAsync(record, cancellationToken))
        {
            return await instances.GetAsync(instanceId, withDocument: false, cancellationToken)
                ?? throw new ConcurrencyConflictException(instanceId, new InvalidOperationException("The instance vanished while being created."));
        }

        NotifyLocalWork();
        return null;
    }

    /// <summary>Sends the start message of an existing pending instance again (an idempotent retry of a start).</summary>
    public Task WakeAsync(InstanceRecord record, CancellationToken cancellationToken) =>
        WriteWakeUpAsync(record, time.GetUtcNow(), cancellationToken);

    public void NotifyLocalWork() => signals.Queue.Notify();

    private async Task WriteWakeUpAsync(InstanceRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = new WorkMessage
        {
            Kind = MessageKind.Start,
            InstanceId = record.InstanceId,
            Id = $"{record.InstanceId}|start|{record.ExecutionId}",
            ExecutionId = record.ExecutionId,
        };
        if (record.StartAt is { } startAt && startAt > now)
        {
            await timers.UpsertAsync([start with { FireAt = startAt.UtcDateTime }], cancellationToken);
            signals.TimerWritten(startAt);
        }
        else
        {
            await queue.SendAsync(start, null, cancellationToken);
        }
    }
}

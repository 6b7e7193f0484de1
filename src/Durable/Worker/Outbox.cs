using Microsoft.Extensions.Logging;
using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>Sends what a committed step promised to other instances: result messages and child starts.</summary>
/// <remarks>Sending is at least once: the next step re-sends an outbox that was committed but maybe not sent; receivers drop duplicates.</remarks>
internal sealed class Outbox(WorkQueue queue, InstanceStore instances, InstanceCreator creator, ILogger<Outbox> logger)
{
    public async Task SendAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        foreach (var message in record.Document.Outbox)
        {
            await queue.SendAsync(message, null, cancellationToken);
        }

        foreach (var child in record.Document.ChildStarts)
        {
            await StartChildAsync(child, cancellationToken);
        }

        creator.NotifyLocalWork();
    }

    /// <summary>Records that the outbox was sent; losing this write only means a harmless re-send.</summary>
    public async Task MarkSentAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await instances.ReplaceAsync(record, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("Instance {InstanceId} moved on before its outbox was marked sent", record.InstanceId);
        }
    }

    private async Task StartChildAsync(ChildStart child, CancellationToken cancellationToken)
    {
        var parent = child.Parent;
        var executionId = Engine.DeterministicGuid.Create($"{child.InstanceId}|{parent.InstanceId}|{parent.ExecutionId}|{parent.TaskId}").ToString("N");
        var existing = await creator.CreateAsync(child.InstanceId, child.Name, child.Version, child.Input, executionId, parent, startAt: null, cancellationToken);
        if (existing is not null && existing.ExecutionId != executionId)
        {
            await queue.SendAsync(new WorkMessage
            {
                Kind = MessageKind.SubOrchestrationFailed,
                InstanceId = parent.InstanceId,
                Id = $"{parent.InstanceId}|{parent.ExecutionId}|{parent.TaskId}|done",
                ExecutionId = parent.ExecutionId,
                TaskId = parent.TaskId,
                Failure = new TaskFailureDetails(typeof(InstanceAlreadyExistsException).FullName!, $"Instance id '{child.InstanceId}' is already in use."),
            }, null, cancellationToken);
        }
    }
}

namespace PepFunctions.Durable;

/// <summary>An activity the runtime can run without knowing its input and output types.</summary>
public interface ITaskActivity
{
    /// <summary>The type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>Runs the activity; the result is serialized into the orchestration's history.</summary>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Base class for activities: the units of work (I/O) an orchestrator schedules.</summary>
/// <remarks>
/// Delivery is at least once: after a crash or a lost race an activity may run again with the same
/// input, so an activity must be idempotent — write with keys derived from its input
/// (upsert, insert-if-absent), and pass <see cref="TaskActivityContext.IdempotencyKey"/> to anything
/// outside that can deduplicate.
/// </remarks>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>The activity's code.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>What an activity knows about the call it serves.</summary>
/// <param name="Name">The activity's registered name.</param>
/// <param name="InstanceId">The orchestration instance that scheduled it.</param>
/// <param name="TaskId">The call's sequence number within the orchestration's execution.</param>
/// <param name="ExecutionId">The orchestration execution that scheduled it.</param>
/// <param name="CancellationToken">Signalled when the worker shuts down.</param>
public sealed record TaskActivityContext(
    string Name, string InstanceId, int TaskId, string ExecutionId, CancellationToken CancellationToken)
{
    /// <summary>A key that is the same every time this call is retried or re-run, and different for any other call.</summary>
    public string IdempotencyKey => $"{InstanceId}/{ExecutionId}/{TaskId}";
}

namespace PepFunctions.Durable;

/// <summary>An orchestrator the runtime can run without knowing its input and output types.</summary>
public interface ITaskOrchestrator
{
    /// <summary>The type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>Runs the orchestration; the result is serialized as the instance's output.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>
/// Base class for orchestrators: durable workflows written as ordinary async code.
/// </summary>
/// <remarks>
/// An orchestrator is replayed from its history every time it makes progress, so its code must be
/// deterministic:
/// <list type="bullet">
/// <item>Take time only from <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, GUIDs only from
/// <see cref="TaskOrchestrationContext.NewGuid"/>, and waits only from
/// <see cref="TaskOrchestrationContext.CreateTimer(DateTime, CancellationToken)"/>.</item>
/// <item>Do all I/O (storage, HTTP, e-mail, random numbers, configuration that may change) in activities.</item>
/// <item>Await only tasks the context returns (and <see cref="Task.WhenAll(Task[])"/> / <see cref="Task.WhenAny(Task[])"/>
/// over them); never <c>ConfigureAwait(false)</c>, <c>Task.Run</c> or <c>Task.Delay</c>.</item>
/// <item>Cancel a timer or an event wait with <see cref="CancellationTokenSource.Cancel()"/>, never
/// <c>CancelAsync</c>: that runs the cancellation on the thread pool, after the step has ended.</item>
/// <item>Change the order or kind of calls only behind a new orchestrator version (see README, "Versioning").</item>
/// </list>
/// The runtime detects a history that the code no longer matches and fails the instance with
/// <see cref="NonDeterministicOrchestrationException"/> rather than guessing.
/// </remarks>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>The orchestration's code.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

using Microsoft.Extensions.Logging;

namespace PepFunctions.Durable;

/// <summary>
/// What an orchestrator may use: activities, durable timers, external events, sub-orchestrations,
/// and replay-safe time, GUIDs and logging.
/// </summary>
/// <remarks>Abstract so that orchestrator unit tests can fake it (e.g. with Moq).</remarks>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestration instance's id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The orchestrator version this execution started with.</summary>
    public abstract string Version { get; }

    /// <summary>The current time, as recorded in history: the same value on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is re-running past events from history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Schedules an activity and returns its result.</summary>
    /// <exception cref="TaskFailedException">The activity failed (after the retries in <paramref name="options"/>).</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity whose result is not needed.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>A durable timer: completes at <paramref name="fireAt"/> (UTC), any length, surviving restarts.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that completes after <paramref name="delay"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised by <c>DurableTaskClient.RaiseEventAsync</c>; events that came earlier are buffered in order.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event for at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">No such event arrived in time.</exception>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout);

    /// <summary>Runs another orchestration as a child and returns its output.</summary>
    /// <exception cref="TaskFailedException">The child failed or was terminated.</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(
        string name, object? input = null, SubOrchestrationOptions? options = null);

    /// <summary>
    /// Ends this execution when the orchestrator returns and starts a fresh one, with an empty
    /// history, the given input and optionally a new version.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput, ContinueAsNewOptions? options = null);

    /// <summary>Sets a small, queryable status (serialized as JSON), e.g. the current stage.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}

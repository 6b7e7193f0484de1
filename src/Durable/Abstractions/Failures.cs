namespace PepFunctions.Durable;

/// <summary>A failure, serializable into history.</summary>
/// <param name="ErrorType">The exception's full type name.</param>
/// <param name="ErrorMessage">The exception's message.</param>
/// <param name="StackTrace">Where it was thrown, when known.</param>
/// <param name="InnerFailure">The inner failure, when there was one.</param>
public sealed record TaskFailureDetails(
    string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Captures an exception.</summary>
    public static TaskFailureDetails FromException(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is null ? null : FromException(exception.InnerException));

    /// <summary>Whether the failure (or an inner one) was an exception of type <typeparamref name="T"/>.</summary>
    public bool IsCausedBy<T>() where T : Exception =>
        ErrorType == typeof(T).FullName || (InnerFailure?.IsCausedBy<T>() ?? false);
}

/// <summary>An activity or sub-orchestration an orchestrator called has failed.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails.ErrorType}: {failureDetails.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>The activity or orchestrator name.</summary>
    public string TaskName { get; }

    /// <summary>The call's sequence number.</summary>
    public int TaskId { get; }

    /// <summary>Why it failed.</summary>
    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>The orchestrator's code no longer matches the history it is replayed against.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);

/// <summary>An instance with this id already exists and the start options do not allow reusing it.</summary>
public sealed class InstanceAlreadyExistsException(string instanceId, OrchestrationStatus status)
    : Exception($"Orchestration instance '{instanceId}' already exists and is {status}.")
{
    /// <summary>The id in use.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>The existing instance's status.</summary>
    public OrchestrationStatus Status { get; } = status;
}

/// <summary>No instance with this id exists.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : Exception($"Orchestration instance '{instanceId}' does not exist.")
{
    /// <summary>The id looked for.</summary>
    public string InstanceId { get; } = instanceId;
}

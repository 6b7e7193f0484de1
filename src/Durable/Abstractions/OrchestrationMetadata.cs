namespace PepFunctions.Durable;

/// <summary>Where an orchestration instance stands.</summary>
public enum OrchestrationStatus
{
    /// <summary>Created; not yet started (or scheduled to start later).</summary>
    Pending,

    /// <summary>Started and not yet ended.</summary>
    Running,

    /// <summary>Ended with an output.</summary>
    Completed,

    /// <summary>Ended with a failure.</summary>
    Failed,

    /// <summary>Ended by <c>TerminateAsync</c>.</summary>
    Terminated,

    /// <summary>Paused by <c>SuspendAsync</c>; messages wait until it is resumed.</summary>
    Suspended,
}

/// <summary>Status helpers.</summary>
public static class OrchestrationStatusExtensions
{
    /// <summary>Completed, failed or terminated: nothing more will happen to it.</summary>
    public static bool IsTerminal(this OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated;
}

/// <summary>An orchestration instance as the client sees it.</summary>
public sealed record OrchestrationMetadata
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>The orchestrator version of the current execution.</summary>
    public required string Version { get; init; }

    /// <summary>The current execution's id (changes on continue-as-new).</summary>
    public required string ExecutionId { get; init; }

    /// <summary>Where it stands.</summary>
    public required OrchestrationStatus Status { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The serialized input of the current execution (when payloads were asked for).</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The serialized output, once completed (when payloads were asked for).</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The serialized custom status.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why it failed, or why it was terminated.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Deserializes the output.</summary>
    public T? ReadOutputAs<T>() => SerializedOutput is null ? default : JsonDataConverter.Default.Deserialize<T>(SerializedOutput);

    /// <summary>Deserializes the input.</summary>
    public T? ReadInputAs<T>() => SerializedInput is null ? default : JsonDataConverter.Default.Deserialize<T>(SerializedInput);

    /// <summary>Deserializes the custom status.</summary>
    public T? ReadCustomStatusAs<T>() =>
        SerializedCustomStatus is null ? default : JsonDataConverter.Default.Deserialize<T>(SerializedCustomStatus);
}

/// <summary>A filter over instances; every set field must match.</summary>
public sealed record InstanceQuery
{
    /// <summary>Any of these statuses; all when null or empty.</summary>
    public IReadOnlyCollection<OrchestrationStatus>? Statuses { get; init; }

    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Instance ids starting with this.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>At most this many per page (1–1000).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the previous page stopped; null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether to read inputs, outputs and custom statuses too.</summary>
    public bool FetchPayloads { get; init; }
}

/// <summary>One page of a query.</summary>
/// <param name="Items">The instances on this page.</param>
/// <param name="ContinuationToken">Pass it back for the next page; null on the last page.</param>
public sealed record InstancePage(IReadOnlyList<OrchestrationMetadata> Items, string? ContinuationToken);

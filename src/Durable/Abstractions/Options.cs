namespace PepFunctions.Durable;

/// <summary>How an activity or sub-orchestration call is made.</summary>
/// <param name="Retry">Retries on failure; none when null.</param>
public sealed record TaskOptions(RetryPolicy? Retry = null);

/// <summary>How a sub-orchestration is started.</summary>
public sealed record SubOrchestrationOptions
{
    /// <summary>The child's instance id; by default derived from the parent's id, execution and call number.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The child orchestrator version; by default the registered default version.</summary>
    public string? Version { get; init; }

    /// <summary>Retries on failure (each retry is a new child instance).</summary>
    public RetryPolicy? Retry { get; init; }
}

/// <summary>How <see cref="TaskOrchestrationContext.ContinueAsNew"/> starts the next execution.</summary>
public sealed record ContinueAsNewOptions
{
    /// <summary>The orchestrator version for the next execution; by default the current one.</summary>
    public string? NewVersion { get; init; }

    /// <summary>Whether events received but not yet awaited carry over to the next execution (default true).</summary>
    public bool PreserveUnprocessedEvents { get; init; } = true;
}

/// <summary>How <c>DurableTaskClient.StartNewAsync</c> starts an instance.</summary>
public sealed record StartOrchestrationOptions
{
    /// <summary>The instance id; a new GUID when null. At most 256 characters, none of <c>/ \ # ?</c> or control characters.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The orchestrator version; the registered default when null.</summary>
    public string? Version { get; init; }

    /// <summary>Start no earlier than this time.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>What to do when the id is already in use.</summary>
    public InstanceIdReuse IfExists { get; init; } = InstanceIdReuse.ThrowIfExists;
}

/// <summary>What starting an instance id that is already in use does.</summary>
public enum InstanceIdReuse
{
    /// <summary>Throw <see cref="InstanceAlreadyExistsException"/>.</summary>
    ThrowIfExists,

    /// <summary>Return the existing id when that instance is pending, running or suspended; replace it when it has ended.</summary>
    ReturnExistingIfActive,

    /// <summary>Replace it when it has ended (completed, failed or terminated); throw when it is still active.</summary>
    ReplaceIfEnded,
}

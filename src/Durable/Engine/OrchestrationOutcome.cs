namespace PepFunctions.Durable.Engine;

/// <summary>How an execution ended.</summary>
/// <param name="Status">Completed or Failed (a continue-as-new is Completed with <paramref name="ContinueAsNew"/> set).</param>
/// <param name="Output">The serialized output when completed.</param>
/// <param name="Failure">Why it failed.</param>
/// <param name="ContinueAsNew">The next execution's start, when the orchestrator continued as new.</param>
internal sealed record OrchestrationOutcome(
    OrchestrationStatus Status, string? Output, TaskFailureDetails? Failure, ContinueAsNewRequest? ContinueAsNew = null)
{
    public static OrchestrationOutcome Failed(Exception exception) =>
        new(OrchestrationStatus.Failed, null, ToFailure(exception));

    private static TaskFailureDetails ToFailure(Exception exception) => exception is TaskFailedException failed
        ? TaskFailureDetails.FromException(failed) with { InnerFailure = failed.FailureDetails }
        : TaskFailureDetails.FromException(exception);
}

/// <summary>What the next execution starts with.</summary>
internal sealed record ContinueAsNewRequest(string? Input, string? Version, IReadOnlyList<EventRaised> CarriedEvents);

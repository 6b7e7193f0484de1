namespace PepFunctions.Testing;

/// <summary>An operation of the durable client on one instance.</summary>
public enum ClientOperation
{
    /// <summary><c>RaiseEventAsync</c>.</summary>
    RaiseEvent,

    /// <summary><c>TerminateInstanceAsync</c>.</summary>
    Terminate,

    /// <summary><c>SuspendInstanceAsync</c>.</summary>
    Suspend,

    /// <summary><c>ResumeInstanceAsync</c>.</summary>
    Resume,

    /// <summary><c>ScheduleNewOrchestrationInstanceAsync</c> with the instance's id.</summary>
    StartAgain,
}

/// <summary>The state an instance is in before the operation.</summary>
public enum InstanceState
{
    /// <summary>No instance has the id.</summary>
    Missing,

    /// <summary>Waiting for an event.</summary>
    Running,

    /// <summary>Suspended.</summary>
    Suspended,

    /// <summary>Ended by its orchestrator.</summary>
    Completed,

    /// <summary>Ended by a termination.</summary>
    Terminated,
}

/// <summary>
/// What the Durable Functions client does, per operation and state, as the isolated worker sees it in Azure: accepted
/// (<c>Refusal</c> null), or refused with an <c>RpcException</c> of the gRPC status named in <c>Refusal</c>.
/// Shared by the runner's contract tests (its <c>EngineClient</c> must answer so) and the app's (a mock client answering so).
/// </summary>
/// <remarks>
/// From Azure/azure-functions-durable-extension: <c>DurableClient.RaiseEventInternalAsync</c> and <c>TerminateAsync</c>
/// accept an instance that <c>IsOrchestrationRunning</c> (Running, Suspended, Pending, ContinuedAsNew), <c>SuspendAsync</c>
/// one that <c>IsOrchestrationSuspendable</c> (Running, Pending, ContinuedAsNew), <c>ResumeAsync</c> only a Suspended one;
/// each throws <c>ArgumentException</c> for an id with no instance (gRPC NotFound: the e2e tests
/// <c>SuspendNonExistentOrchestration_ShouldFail</c> / <c>ResumeNonExistentOrchestration_ShouldFail</c>) and
/// <c>InvalidOperationException</c> for a state it does not accept (FailedPrecondition). A start for an id whose instance
/// is running is AlreadyExists (<c>LocalGrpcListener.StartInstance</c>, with the provider's
/// <c>ThrowExceptionOnInvalidDedupeStatus</c> on); for an ended instance it starts afresh (the default
/// <c>overridableExistingInstanceStates</c>, NonRunningStates).
/// </remarks>
public static class DurableClientContract
{
    /// <summary>Every case: operation, state before, and the gRPC status of the refusal (null when accepted).</summary>
    public static IReadOnlyList<(ClientOperation Operation, InstanceState State, string? Refusal)> Cases { get; } =
    [
        (ClientOperation.RaiseEvent, InstanceState.Missing, "NotFound"),
        (ClientOperation.RaiseEvent, InstanceState.Running, null),
        (ClientOperation.RaiseEvent, InstanceState.Suspended, null),
        (ClientOperation.RaiseEvent, InstanceState.Completed, "FailedPrecondition"),
        (ClientOperation.RaiseEvent, InstanceState.Terminated, "FailedPrecondition"),
        (ClientOperation.Terminate, InstanceState.Missing, "NotFound"),
        (ClientOperation.Terminate, InstanceState.Running, null),
        (ClientOperation.Terminate, InstanceState.Suspended, null),
        (ClientOperation.Terminate, InstanceState.Completed, "FailedPrecondition"),
        (ClientOperation.Terminate, InstanceState.Terminated, "FailedPrecondition"),
        (ClientOperation.Suspend, InstanceState.Missing, "NotFound"),
        (ClientOperation.Suspend, InstanceState.Running, null),
        (ClientOperation.Suspend, InstanceState.Suspended, "FailedPrecondition"),
        (ClientOperation.Suspend, InstanceState.Completed, "FailedPrecondition"),
        (ClientOperation.Suspend, InstanceState.Terminated, "FailedPrecondition"),
        (ClientOperation.Resume, InstanceState.Missing, "NotFound"),
        (ClientOperation.Resume, InstanceState.Running, "FailedPrecondition"),
        (ClientOperation.Resume, InstanceState.Suspended, null),
        (ClientOperation.Resume, InstanceState.Completed, "FailedPrecondition"),
        (ClientOperation.Resume, InstanceState.Terminated, "FailedPrecondition"),
        (ClientOperation.StartAgain, InstanceState.Missing, null),
        (ClientOperation.StartAgain, InstanceState.Running, "AlreadyExists"),
        (ClientOperation.StartAgain, InstanceState.Suspended, "AlreadyExists"),
        (ClientOperation.StartAgain, InstanceState.Completed, null),
        (ClientOperation.StartAgain, InstanceState.Terminated, null),
    ];

    /// <summary>The refusal for <paramref name="operation"/> on an instance in <paramref name="state"/>, or null.</summary>
    public static string? RefusalOf(ClientOperation operation, InstanceState state) =>
        Cases.Single(c => c.Operation == operation && c.State == state).Refusal;
}

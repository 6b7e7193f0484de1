using DurableTask.Core;
using Grpc.Core;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// The Durable Functions client's rules for controlling an instance, and the errors an isolated worker's
/// <c>DurableTaskClient</c> sees when one is broken: the extension's <c>DurableClient</c> checks the instance's state
/// and throws, and its gRPC endpoint (<c>LocalGrpcListener</c>) answers the worker with an <see cref="RpcException"/>.
/// </summary>
/// <remarks>
/// From Azure/azure-functions-durable-extension, <c>DurableClient</c>: an instance that does not exist is an
/// <see cref="ArgumentException"/> ("No instance with ID '…' was found."), answered as <see cref="StatusCode.NotFound"/>
/// (its e2e tests <c>SuspendNonExistentOrchestration_ShouldFail</c> and <c>ResumeNonExistentOrchestration_ShouldFail</c>
/// expect <c>StatusCode="NotFound"</c> for the isolated worker); a state that does not allow the operation is an
/// <see cref="InvalidOperationException"/> ("Cannot resume the orchestration instance … because instance is in the
/// Running state."), answered as <see cref="StatusCode.FailedPrecondition"/> since the extension reports these with
/// explicit status codes (PR #3097; before it, <c>StatusCode.Unknown</c>, "Exception was thrown by handler."). A start
/// for an id that is running is <see cref="StatusCode.AlreadyExists"/> (<c>LocalGrpcListener.StartInstance</c>).
/// Pinned by <c>EngineClientContractTests</c>, whose cases the app's mapping tests share.
/// </remarks>
internal static class ClientRules
{
    /// <summary>Events and termination reach these (<c>DurableClient.IsOrchestrationRunning</c>).</summary>
    public static readonly IReadOnlySet<OrchestrationStatus> Running = new HashSet<OrchestrationStatus>
    {
        OrchestrationStatus.Running, OrchestrationStatus.Suspended, OrchestrationStatus.Pending, OrchestrationStatus.ContinuedAsNew,
    };

    /// <summary>Suspension reaches these (<c>DurableClient.IsOrchestrationSuspendable</c>).</summary>
    public static readonly IReadOnlySet<OrchestrationStatus> Suspendable = new HashSet<OrchestrationStatus>
    {
        OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.ContinuedAsNew,
    };

    /// <summary>Resumption reaches only a suspended instance (<c>DurableClient.IsOrchestrationSuspended</c>).</summary>
    public static readonly IReadOnlySet<OrchestrationStatus> Resumable = new HashSet<OrchestrationStatus> { OrchestrationStatus.Suspended };

    public static RpcException NotFound(string instanceId) =>
        new(new Status(StatusCode.NotFound, $"ArgumentException: No instance with ID '{instanceId}' was found."));

    public static RpcException WrongState(string operation, string instanceId, OrchestrationStatus status) =>
        new(new Status(StatusCode.FailedPrecondition,
            $"InvalidOperationException: Cannot {operation} the orchestration instance {instanceId} because instance is in the {status} state."));

    public static RpcException AlreadyExists(string instanceId) =>
        new(new Status(StatusCode.AlreadyExists, $"An Orchestration instance with the ID {instanceId} already exists."));
}

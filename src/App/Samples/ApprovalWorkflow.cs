using PepFunctions.Durable;

namespace PepFunctions.App.Samples;

/// <summary>
/// Orchestrator: waits for an <see cref="ApprovalEvent"/> event for at most the timeout in its input,
/// and ends approved, rejected or timed out. Shows external events and durable timeouts.
/// </summary>
/// <remarks>The timeout travels in the input, not read from configuration, so that replays see the same value.</remarks>
internal sealed class ApprovalWorkflow : TaskOrchestrator<ApprovalRequest, ApprovalResult>
{
    /// <summary>The event that carries the <see cref="ApprovalDecision"/>.</summary>
    public const string ApprovalEvent = "Approval";

    /// <inheritdoc />
    public override async Task<ApprovalResult> RunAsync(TaskOrchestrationContext context, ApprovalRequest input)
    {
        context.SetCustomStatus("AwaitingApproval");
        ApprovalDecision? decision;
        try
        {
            decision = await context.WaitForExternalEvent<ApprovalDecision>(ApprovalEvent, input.Timeout);
        }
        catch (TimeoutException)
        {
            decision = null;
        }

        var result = decision is null
            ? new ApprovalResult(ApprovalOutcome.TimedOut, null)
            : new ApprovalResult(decision.Approved ? ApprovalOutcome.Approved : ApprovalOutcome.Rejected, decision.Comment);

        context.SetCustomStatus(result.Outcome.ToString());
        context.CreateReplaySafeLogger<ApprovalWorkflow>()
            .LogInformation("Approval {InstanceId} ended {Outcome}", context.InstanceId, result.Outcome);
        return result;
    }
}

/// <summary>The input of an <see cref="ApprovalWorkflow"/>.</summary>
/// <param name="Timeout">How long to wait for the decision.</param>
internal sealed record ApprovalRequest(TimeSpan Timeout);

/// <summary>The payload of the <see cref="ApprovalWorkflow.ApprovalEvent"/> event, e.g. <c>{ "approved": true }</c>.</summary>
internal sealed record ApprovalDecision(bool Approved, string? Comment = null);

/// <summary>The output of an <see cref="ApprovalWorkflow"/>.</summary>
internal sealed record ApprovalResult(ApprovalOutcome Outcome, string? Comment);

/// <summary>How an approval ended.</summary>
internal enum ApprovalOutcome
{
    /// <summary>The decision said yes.</summary>
    Approved,

    /// <summary>The decision said no.</summary>
    Rejected,

    /// <summary>No decision came in time.</summary>
    TimedOut,
}

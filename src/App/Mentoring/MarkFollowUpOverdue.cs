using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Cases;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Mentoring;

/// <summary>Marks a follow-up overdue (past its grace period without a visit), unless it was recorded meanwhile.</summary>
public sealed class MarkFollowUpOverdue(FollowUpStore followUps, CaseTimeline timeline) : TaskActivity<FollowUpRef, bool>
{
    /// <summary>The activity function.</summary>
    [Function(nameof(MarkFollowUpOverdue))]
    public Task<bool> RunFunctionAsync([ActivityTrigger] FollowUpRef input) => RunAsync(new FunctionActivityContext(nameof(MarkFollowUpOverdue)), input);

    /// <inheritdoc />
    /// <returns>True when it was marked now; false when it was recorded (or marked) already.</returns>
    public override async Task<bool> RunAsync(TaskActivityContext context, FollowUpRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await followUps.MarkOverdueAsync(input.CaseId, input.Sequence, CancellationToken.None))
        {
            return false;
        }

        await timeline.AppendAsync(input.CaseId, input.At.AsUtc(), CaseTimeline.Pipeline, TimelineAction.FollowUpOverdue,
            TimelineDetail.FollowUpOverdue(input.Sequence), input.IdempotencyKey(), CancellationToken.None);
        return true;
    }
}

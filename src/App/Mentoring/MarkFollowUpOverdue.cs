using PepFunctions.App.Cases;
using PepFunctions.Durable;

namespace PepFunctions.App.Mentoring;

/// <summary>Marks a follow-up overdue (past its grace period without a visit), unless it was recorded meanwhile.</summary>
internal sealed class MarkFollowUpOverdue(FollowUpStore followUps, CaseTimeline timeline) : TaskActivity<FollowUpRef, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FollowUpRef input)
    {
        if (!await followUps.MarkOverdueAsync(input.CaseId, input.Sequence, context.CancellationToken))
        {
            return false;
        }

        await timeline.AppendAsync(input.CaseId, input.At.AsUtc(), CaseTimeline.Pipeline, TimelineAction.FollowUpOverdue,
            TimelineDetail.FollowUpOverdue(input.Sequence), context.IdempotencyKey, context.CancellationToken);
        return true;
    }
}

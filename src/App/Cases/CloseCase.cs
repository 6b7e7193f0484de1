using PepFunctions.App.Mentoring;
using PepFunctions.Durable;

namespace PepFunctions.App.Cases;

/// <summary>Ends the case with its outcome: final stage on the record and summary, open follow-ups off the due list, a timeline entry.</summary>
internal sealed class CloseCase(CaseStore cases, FollowUpStore followUps, CaseTimeline timeline) : TaskActivity<CloseCommand, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CloseCommand command)
    {
        var outcome = command.Outcome;
        _ = await cases.UpdateAsync(command.CaseId, record =>
        {
            record.Stage = record.Outcome = outcome.Stage.ToString();
            record.OutcomeReason = outcome.Reason;
            record.NextDueAt = null;
            record.NextDue = null;
            record.NextFollowUp = null;
            record.ProgressAt = command.At.AsUtc();
            return true;
        }, context.CancellationToken) ?? throw new InvalidOperationException($"Case '{command.CaseId}' has no record.");

        await followUps.UnindexOpenAsync(command.CaseId, context.CancellationToken);
        await timeline.AppendAsync(command.CaseId, command.At.AsUtc(), CaseTimeline.Pipeline, TimelineAction.Closed,
            TimelineDetail.Closed(outcome), context.IdempotencyKey, context.CancellationToken);
        return true;
    }
}

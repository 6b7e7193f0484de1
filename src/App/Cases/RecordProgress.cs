using PepFunctions.Durable;

namespace PepFunctions.App.Cases;

/// <summary>Records the stage and what is due next on the case record, its office summary and its timeline.</summary>
/// <remarks>Progress older than what the record holds (a re-run that lost a race) is not applied; a closed case is left as it ended.</remarks>
internal sealed class RecordProgress(CaseStore cases, CaseTimeline timeline) : TaskActivity<ProgressCommand, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ProgressCommand command)
    {
        var at = command.At.AsUtc();
        var progress = command.Progress;
        var applied = false;
        _ = await cases.UpdateAsync(command.CaseId, record =>
        {
            applied = !record.IsClosed && !(record.ProgressAt > at);
            if (applied)
            {
                record.Stage = progress.Stage.ToString();
                record.NextDueAt = progress.NextDueAt;
                record.NextDue = progress.NextDue;
                record.NextFollowUp = progress.FollowUp;
                record.ProgressAt = at;
            }

            return applied;
        }, context.CancellationToken) ?? throw new InvalidOperationException($"Case '{command.CaseId}' has no record.");

        if (applied)
        {
            await timeline.AppendAsync(command.CaseId, at, CaseTimeline.Pipeline, TimelineAction.StageChanged, TimelineDetail.StageChanged(progress), context.IdempotencyKey, context.CancellationToken);
        }

        return applied;
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Cases;

/// <summary>Records the stage and what is due next on the case record, its office summary and its timeline.</summary>
/// <remarks>Progress older than what the record holds (a re-run that lost a race) is not applied; a closed case is left as it ended.</remarks>
public sealed class RecordProgress(CaseStore cases, CaseTimeline timeline) : TaskActivity<ProgressCommand, bool>
{
    /// <summary>The activity function.</summary>
    [Function(nameof(RecordProgress))]
    public Task<bool> RunFunctionAsync([ActivityTrigger] ProgressCommand command) => RunAsync(new FunctionActivityContext(nameof(RecordProgress)), command);

    /// <inheritdoc />
    /// <returns>True when the progress was applied; false when the record holds newer progress or the case has closed.</returns>
    public override async Task<bool> RunAsync(TaskActivityContext context, ProgressCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
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
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Case '{command.CaseId}' has no record.");

        if (applied)
        {
            await timeline.AppendAsync(command.CaseId, at, CaseTimeline.Pipeline, TimelineAction.StageChanged, TimelineDetail.StageChanged(progress), command.IdempotencyKey(), CancellationToken.None);
        }

        return applied;
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;

namespace PepFunctions.App.Cases;

/// <summary>Ends the case with its outcome: final stage on the record and summary, open follow-ups closed with it (off the due list), a timeline entry.</summary>
public sealed class CloseCase(CaseStore cases, FollowUpStore followUps, CaseTimeline timeline) : TaskActivity<CloseCommand, bool>
{
    /// <summary>The activity function.</summary>
    [Function(nameof(CloseCase))]
    public Task<bool> RunFunctionAsync([ActivityTrigger] CloseCommand command) => RunAsync(new FunctionActivityContext(nameof(CloseCase)), command);

    /// <inheritdoc />
    /// <returns>True once the case is closed.</returns>
    public override async Task<bool> RunAsync(TaskActivityContext context, CloseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = command.Outcome;
        _ = await cases.UpdateAsync(command.CaseId, record =>
        {
            record.Stage = record.Outcome = outcome.Stage.ToString();
            record.OutcomeReason = outcome.Reason;
            record.NextDueAt = null;
            record.NextDue = null;
            record.NextFollowUp = null;
            record.ProgressAt = command.At.AsUtc();
            record.ClosedAt ??= command.At.AsUtc();
            return true;
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Case '{command.CaseId}' has no record.");

        await followUps.CloseOpenAsync(command.CaseId, command.At.AsUtc(), CancellationToken.None);
        await timeline.AppendAsync(command.CaseId, command.At.AsUtc(), CaseTimeline.Pipeline, TimelineAction.Closed,
            TimelineDetail.Closed(outcome), command.IdempotencyKey(), CancellationToken.None);
        return true;
    }
}

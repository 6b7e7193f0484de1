using PepFunctions.Durable;

namespace PepFunctions.App.Cases;

/// <summary>What a wait in the pipeline ended with: the event, a withdrawal, or the deadline.</summary>
internal sealed record WaitResult<T>(T? Value, CaseWithdrawn? Withdrawal)
{
    public bool TimedOut => Value is null && Withdrawal is null;
}

/// <summary>Waits for one event, a withdrawal, or a deadline — whichever comes first (the others stay buffered).</summary>
internal sealed class CaseWaits(TaskOrchestrationContext context)
{
    public async Task<WaitResult<T>> ForEventAsync<T>(string eventName, DateTime? deadline) where T : class
    {
        using var cancel = new CancellationTokenSource();
        var expected = context.WaitForExternalEvent<T>(eventName, cancel.Token);
        var withdrawn = context.WaitForExternalEvent<CaseWithdrawn>(CaseEvents.Withdrawn, cancel.Token);
        var waits = new List<Task> { expected, withdrawn };
        if (deadline is { } due)
        {
            waits.Add(context.CreateTimer(due, cancel.Token));
        }

        var first = await Task.WhenAny(waits);
        cancel.Cancel();
        return first == expected ? new WaitResult<T>(await expected, null)
            : first == withdrawn ? new WaitResult<T>(null, await withdrawn)
            : new WaitResult<T>(null, null);
    }

    /// <summary>Waits for follow-up <paramref name="sequence"/>; late records of earlier follow-ups are passed over.</summary>
    public async Task<WaitResult<FollowUpRecorded>> ForFollowUpAsync(int sequence, DateTime deadline)
    {
        while (true)
        {
            var result = await ForEventAsync<FollowUpRecorded>(CaseEvents.FollowUpRecorded, deadline);
            if (result.Value is null || result.Value.Sequence >= sequence)
            {
                return result;
            }
        }
    }
}

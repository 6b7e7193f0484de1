using Microsoft.DurableTask;

namespace PepFunctions.App.Cases.V1;

/// <summary>What a wait in the pipeline ended with: the event, a withdrawal, or the deadline.</summary>
internal sealed record WaitResultV1<T>(T? Value, CaseWithdrawn? Withdrawal)
{
    public bool TimedOut => Value is null && Withdrawal is null;
}

/// <summary>
/// The waits of pipeline version 1 (<see cref="CasePipelineV1"/>): for one event, a withdrawal, or a deadline, whichever
/// comes first. Part of the orchestrator, so it follows the orchestrator's rules (only the context's time, timers and events).
/// </summary>
/// <remarks>
/// <para>
/// Durable Task keeps an event that arrives while nothing waits for its name and hands it to the next wait of that
/// name. But it gives an event to the most recent wait of its name even when that wait was cancelled, and the event
/// is then lost; and a wait that lost a <see cref="Task.WhenAny(Task[])"/> stays registered until an event completes it.
/// So event waits here are never cancelled and never doubled:
/// </para>
/// <list type="bullet">
/// <item>The withdrawal wait is made once, when the pipeline starts, and every wait races it. A withdrawal that
/// comes while an activity runs completes it, and the next wait sees it at once.</item>
/// <item>A wait for an event that lost to a deadline is kept and reused by the next wait of that name (the
/// assessment after its reminder, a follow-up after the previous one went overdue), so at most one wait per name
/// is ever pending and the event it gets is the one the pipeline reads.</item>
/// <item>Only timers are cancelled: the deadline of a wait that an event or a withdrawal won, so a long timer
/// (which the SDK splits into shorter ones) stops re-arming.</item>
/// </list>
/// <para>A withdrawal wins a tie: when it and the awaited event are both in, the pipeline ends.</para>
/// <para>Frozen with version 1: its waits are recorded in the histories of running instances. A later version that
/// waits differently starts from a copy; this one is never edited (README, "Changing the pipeline safely").</para>
/// </remarks>
internal sealed class CaseWaitsV1(TaskOrchestrationContext context)
{
    private readonly Task<CaseWithdrawn> _withdrawn = context.WaitForExternalEvent<CaseWithdrawn>(CaseEvents.Withdrawn, CancellationToken.None);
    private readonly Dictionary<string, Task> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for <paramref name="eventName"/> until <paramref name="deadline"/> (UTC; null waits without one).</summary>
    public async Task<WaitResultV1<T>> ForEventAsync<T>(string eventName, DateTime? deadline) where T : class
    {
        var expected = PendingWait<T>(eventName);
        using var cancelTimer = new CancellationTokenSource();
        var first = deadline is { } due
            ? await Task.WhenAny(_withdrawn, expected, context.CreateTimer(due, cancelTimer.Token))
            : await Task.WhenAny(_withdrawn, expected);
        if (first == _withdrawn)
        {
            cancelTimer.Cancel();
            return new WaitResultV1<T>(null, await _withdrawn);
        }

        if (first == expected)
        {
            cancelTimer.Cancel();
            _pending.Remove(eventName);
            return new WaitResultV1<T>(await expected, null);
        }

        return new WaitResultV1<T>(null, null);
    }

    /// <summary>Waits for follow-up <paramref name="sequence"/>; late records of earlier follow-ups are passed over.</summary>
    /// <remarks>A record of a later follow-up counts for this one: the mentor has been, whatever number they gave the visit.</remarks>
    public async Task<WaitResultV1<FollowUpRecorded>> ForFollowUpAsync(int sequence, DateTime deadline)
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

    /// <summary>
    /// Waits for follow-up <paramref name="sequence"/> (as <see cref="ForFollowUpAsync"/>) or a sales record, whichever
    /// comes first; <c>Sales</c> is true when sales came, so the pipeline can check graduation and wait again.
    /// </summary>
    /// <remarks>Both event waits stay pending (never cancelled) while they lose, and are reused by the next wait of their name.</remarks>
    public async Task<(WaitResultV1<FollowUpRecorded> Result, bool Sales)> ForFollowUpOrSalesAsync(int sequence, DateTime deadline)
    {
        while (true)
        {
            var followUp = PendingWait<FollowUpRecorded>(CaseEvents.FollowUpRecorded);
            var sales = PendingWait<SalesRecorded>(CaseEvents.SalesRecorded);
            using var cancelTimer = new CancellationTokenSource();
            var first = await Task.WhenAny(_withdrawn, followUp, sales, context.CreateTimer(deadline, cancelTimer.Token));
            if (first == _withdrawn)
            {
                cancelTimer.Cancel();
                return (new WaitResultV1<FollowUpRecorded>(null, await _withdrawn), false);
            }

            if (first == sales)
            {
                cancelTimer.Cancel();
                _pending.Remove(CaseEvents.SalesRecorded);
                return (new WaitResultV1<FollowUpRecorded>(null, null), true);
            }

            if (first == followUp)
            {
                cancelTimer.Cancel();
                _pending.Remove(CaseEvents.FollowUpRecorded);
                var recorded = await followUp;
                if (recorded.Sequence >= sequence)
                {
                    return (new WaitResultV1<FollowUpRecorded>(recorded, null), false);
                }

                // A late or repeated record of an earlier follow-up (a retried action raises its event again): passed over.
                continue;
            }

            return (new WaitResultV1<FollowUpRecorded>(null, null), false);
        }
    }

    private Task<T> PendingWait<T>(string eventName)
    {
        if (!_pending.TryGetValue(eventName, out var wait))
        {
            wait = context.WaitForExternalEvent<T>(eventName, CancellationToken.None);
            _pending[eventName] = wait;
        }

        return (Task<T>)wait;
    }
}

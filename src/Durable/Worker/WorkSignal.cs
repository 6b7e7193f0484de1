namespace PepFunctions.Durable.Worker;

/// <summary>Wakes a polling loop early: an auto-reset signal within one process.</summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _next = NewSource();

    public void Notify() => _next.TrySetResult();

    /// <summary>Waits for a notification or the delay, whichever comes first, then re-arms.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = _next;
        if (!current.Task.IsCompleted)
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(current.Task, Task.Delay(delay, time, cancel.Token));
            await cancel.CancelAsync();
        }

        Interlocked.CompareExchange(ref _next, NewSource(), current);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The signals one process's client and worker share, so work started here starts at once.</summary>
internal sealed class WorkSignals
{
    private readonly object _gate = new();
    private readonly SortedSet<DateTimeOffset> _knownTimerDues = [];

    public WorkSignal Queue { get; } = new();

    public WorkSignal Timers { get; } = new();

    /// <summary>Remembers a timer this process wrote, so the timer loop wakes when it is due.</summary>
    public void TimerWritten(DateTimeOffset due)
    {
        lock (_gate)
        {
            if (_knownTimerDues.Count < 100_000)
            {
                _knownTimerDues.Add(due);
            }
        }

        Timers.Notify();
    }

    /// <summary>The earliest known due time after <paramref name="now"/>; forgets the ones passed.</summary>
    public DateTimeOffset? NextKnownDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            _knownTimerDues.RemoveWhere(due => due <= now);
            return _knownTimerDues.Count == 0 ? null : _knownTimerDues.Min;
        }
    }
}

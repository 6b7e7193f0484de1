namespace PepFunctions.Durable.Engine;

/// <summary>The operations <see cref="ReplayContext"/> forwards to the run.</summary>
internal sealed partial class OrchestrationRun
{
    internal JsonDataConverter Converter => _converter;

    internal int NextGuidCounter { get; set; }

    internal Task<string?> ScheduleStep(Func<int, ScheduledEvent> create)
    {
        var id = _nextStepId++;
        var scheduled = create(id);
        var completion = new TaskCompletionSource<string?>();
        _steps[id] = new PendingStep(scheduled, completion);
        _newSteps.Add(scheduled);
        return completion.Task;
    }

    internal Task<string?> WaitForEvent(string name, CancellationToken cancellationToken)
    {
        if (_bufferedEvents.TryGetValue(name, out var buffer) && buffer.TryDequeue(out var buffered))
        {
            return Task.FromResult(buffered.Input);
        }

        if (!_eventWaiters.TryGetValue(name, out var waiters))
        {
            _eventWaiters[name] = waiters = new LinkedList<TaskCompletionSource<string?>>();
        }

        var waiter = new TaskCompletionSource<string?>();
        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                waiter.TrySetCanceled(cancellationToken);
            });
        }

        return waiter.Task;
    }

    internal void RequestContinueAsNew(string? input, ContinueAsNewOptions options)
    {
        _continueAsNewInput = input;
        _continueAsNewOptions = options;
    }

    internal void SetCustomStatus(string? status)
    {
        CustomStatus = status;
        CustomStatusChanged = true;
    }
}

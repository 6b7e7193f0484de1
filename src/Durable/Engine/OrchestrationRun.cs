using Microsoft.Extensions.Logging;

namespace PepFunctions.Durable.Engine;

/// <summary>
/// One execution of an orchestrator, kept in memory for one step of work: it replays the committed
/// history, then takes new events one by one and reports the steps the code schedules.
/// </summary>
/// <remarks>
/// Scheduled steps are numbered in the order the code makes them. Replay checks every scheduled
/// event in history against the step the code made with the same number — same kind, same name —
/// and fails the execution with <see cref="NonDeterministicOrchestrationException"/> on any mismatch.
/// </remarks>
internal sealed partial class OrchestrationRun
{
    private readonly ITaskOrchestrator _orchestrator;
    private readonly JsonDataConverter _converter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly OrchestrationScheduler _scheduler = new();
    private readonly List<HistoryEvent> _history = [];
    private readonly Dictionary<int, PendingStep> _steps = [];
    private readonly List<ScheduledEvent> _newSteps = [];
    private readonly Dictionary<string, Queue<EventRaised>> _bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private ReplayContext? _context;
    private Task<object?>? _body;
    private int _nextStepId;
    private int _matchedSteps;
    private ContinueAsNewOptions? _continueAsNewOptions;
    private string? _continueAsNewInput;

    public OrchestrationRun(string instanceId, ITaskOrchestrator orchestrator, JsonDataConverter converter, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        _orchestrator = orchestrator;
        _converter = converter;
        _loggerFactory = loggerFactory;
    }

    public string InstanceId { get; }

    /// <summary>The history so far: the replayed events, then every applied event and scheduled step.</summary>
    public IReadOnlyList<HistoryEvent> History => _history;

    /// <summary>Set once the execution has ended.</summary>
    public OrchestrationOutcome? Outcome { get; private set; }

    /// <summary>The custom status as the code last set it.</summary>
    public string? CustomStatus { get; private set; }

    /// <summary>Whether <see cref="CustomStatus"/> was set during this run.</summary>
    public bool CustomStatusChanged { get; private set; }

    internal bool IsReplaying { get; private set; }

    internal DateTime CurrentUtcDateTime { get; private set; }

    internal ExecutionStarted? Started { get; private set; }

    /// <summary>Re-runs the code against committed history.</summary>
    public void Replay(IEnumerable<HistoryEvent> committed, string? customStatus)
    {
        CustomStatus = customStatus;
        IsReplaying = true;
        foreach (var historyEvent in committed)
        {
            _history.Add(historyEvent);
            Process(historyEvent);
        }

        IsReplaying = false;
    }

    /// <summary>Records a new event and lets the code react to it.</summary>
    public void Apply(HistoryEvent newEvent)
    {
        _history.Add(newEvent);
        Process(newEvent);
    }

    /// <summary>The steps the code scheduled since the last call; they are appended to history.</summary>
    public IReadOnlyList<ScheduledEvent> TakeNewSteps()
    {
        if (_newSteps.Count == 0)
        {
            return [];
        }

        var steps = _newSteps.ToArray();
        _newSteps.Clear();
        _history.AddRange(steps);
        _matchedSteps += steps.Length;
        return steps;
    }

    /// <summary>Events that arrived but that the code never waited for.</summary>
    public IReadOnlyList<EventRaised> UnprocessedEvents() =>
        _bufferedEvents.Values.SelectMany(queue => queue).OrderBy(e => e.Timestamp).ToArray();

    private void Process(HistoryEvent historyEvent)
    {
        if (Outcome is not null)
        {
            ProcessAfterOutcome(historyEvent);
            return;
        }

        try
        {
            switch (historyEvent)
            {
                case OrchestratorStarted started:
                    CurrentUtcDateTime = started.Timestamp;
                    break;
                case ExecutionStarted started:
                    Start(started);
                    break;
                case ScheduledEvent scheduled:
                    MatchScheduled(scheduled);
                    break;
                case CompletionEvent completion:
                    Complete(completion);
                    break;
                case EventRaised raised:
                    DeliverEvent(raised);
                    break;
                case ExecutionTerminated terminated:
                    Outcome = new OrchestrationOutcome(
                        OrchestrationStatus.Terminated, null, new TaskFailureDetails("Terminated", terminated.Reason ?? "Terminated"));
                    break;
            }

            _scheduler.RunUntilIdle();
            CheckBody();
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            Outcome = OrchestrationOutcome.Failed(ex);
        }
    }

    /// <summary>
    /// After the code has returned: history must still match what it scheduled, and events that arrive
    /// in the same step carry over to the next execution when it continues as new.
    /// </summary>
    private void ProcessAfterOutcome(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case ScheduledEvent scheduled when Outcome!.Status != OrchestrationStatus.Failed:
                try
                {
                    MatchScheduled(scheduled);
                }
                catch (NonDeterministicOrchestrationException ex)
                {
                    Outcome = OrchestrationOutcome.Failed(ex);
                }

                break;
            case EventRaised raised when Outcome!.ContinueAsNew is { } next && _continueAsNewOptions!.PreserveUnprocessedEvents:
                Outcome = Outcome with { ContinueAsNew = next with { CarriedEvents = [.. next.CarriedEvents, raised] } };
                break;
        }
    }

    private void Start(ExecutionStarted started)
    {
        Started = started;
        _context = new ReplayContext(this, started, _loggerFactory);
        object? input;
        try
        {
            input = _converter.Deserialize(started.Input, _orchestrator.InputType);
        }
        catch (PayloadSerializationException ex)
        {
            Outcome = OrchestrationOutcome.Failed(ex);
            return;
        }

        _body = Task.Factory.StartNew(
            () => _orchestrator.RunAsync(_context, input),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            _scheduler).Unwrap();
    }

    private void CheckBody()
    {
        if (_body is null || !_body.IsCompleted || Outcome is not null)
        {
            return;
        }

        if (_body.IsFaulted)
        {
            Outcome = OrchestrationOutcome.Failed(_body.Exception!.InnerException ?? _body.Exception);
        }
        else if (_body.IsCanceled)
        {
            Outcome = OrchestrationOutcome.Failed(new TaskCanceledException("The orchestrator's task was canceled."));
        }
        else if (_continueAsNewOptions is { } options)
        {
            var carried = options.PreserveUnprocessedEvents ? UnprocessedEvents() : [];
            Outcome = new OrchestrationOutcome(
                OrchestrationStatus.Completed, null, null,
                new ContinueAsNewRequest(_continueAsNewInput, options.NewVersion, carried));
        }
        else
        {
            string? output;
            try
            {
                output = _converter.Serialize(_body.Result);
            }
            catch (PayloadSerializationException ex)
            {
                Outcome = OrchestrationOutcome.Failed(ex);
                return;
            }

            Outcome = new OrchestrationOutcome(OrchestrationStatus.Completed, output, null);
        }
    }

    private void MatchScheduled(ScheduledEvent scheduled)
    {
        if (scheduled.TaskId != _matchedSteps || !_steps.TryGetValue(scheduled.TaskId, out var step))
        {
            throw new NonDeterministicOrchestrationException(
                $"History has {Describe(scheduled)} but the orchestrator code did not schedule it " +
                $"(it has scheduled {_nextStepId} step(s), {_matchedSteps} matched so far).");
        }

        if (step.Scheduled.GetType() != scheduled.GetType() || NameOf(step.Scheduled) != NameOf(scheduled))
        {
            throw new NonDeterministicOrchestrationException(
                $"History has {Describe(scheduled)} but the orchestrator code now schedules {Describe(step.Scheduled)} at that position.");
        }

        _newSteps.Remove(step.Scheduled);
        _matchedSteps++;
    }

    private void Complete(CompletionEvent completion)
    {
        if (!_steps.TryGetValue(completion.TaskId, out var step) || !IsAnswer(step.Scheduled, completion))
        {
            throw new NonDeterministicOrchestrationException(
                $"History has {completion.GetType().Name} for step #{completion.TaskId}, which the orchestrator code did not schedule as such.");
        }

        switch (completion)
        {
            case TaskCompleted done:
                step.Completion.TrySetResult(done.Result);
                break;
            case SubOrchestrationCompleted done:
                step.Completion.TrySetResult(done.Result);
                break;
            case TimerFired:
                step.Completion.TrySetResult(null);
                break;
            case TaskFailed failed:
                step.Completion.TrySetException(new TaskFailedException(NameOf(step.Scheduled), failed.TaskId, failed.Failure));
                break;
            case SubOrchestrationFailed failed:
                step.Completion.TrySetException(new TaskFailedException(NameOf(step.Scheduled), failed.TaskId, failed.Failure));
                break;
        }
    }

    private static bool IsAnswer(ScheduledEvent scheduled, CompletionEvent completion) => (scheduled, completion) switch
    {
        (TaskScheduled, TaskCompleted or TaskFailed) => true,
        (TimerCreated, TimerFired) => true,
        (SubOrchestrationCreated, SubOrchestrationCompleted or SubOrchestrationFailed) => true,
        _ => false,
    };

    private void DeliverEvent(EventRaised raised)
    {
        if (_eventWaiters.TryGetValue(raised.Name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }

        if (!_bufferedEvents.TryGetValue(raised.Name, out var buffer))
        {
            _bufferedEvents[raised.Name] = buffer = new Queue<EventRaised>();
        }

        buffer.Enqueue(raised);
    }

    private static string NameOf(ScheduledEvent scheduled) => scheduled switch
    {
        TaskScheduled task => task.Name,
        SubOrchestrationCreated sub => sub.Name,
        _ => "timer",
    };

    private static string Describe(ScheduledEvent scheduled) => scheduled switch
    {
        TaskScheduled task => $"activity '{task.Name}' (#{task.TaskId})",
        SubOrchestrationCreated sub => $"sub-orchestration '{sub.Name}' (#{sub.TaskId})",
        TimerCreated timer => $"a timer (#{timer.TaskId})",
        _ => scheduled.ToString(),
    };

    private sealed record PendingStep(ScheduledEvent Scheduled, TaskCompletionSource<string?> Completion);
}

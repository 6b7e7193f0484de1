using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PepFunctions.Durable.Engine;
using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>What became of one message in a step.</summary>
internal enum MessageFate
{
    /// <summary>Applied, or recognised as a duplicate or stale: delete it.</summary>
    Done,

    /// <summary>Not applicable yet (e.g. its instance is still being created): try again shortly.</summary>
    Retry,
}

/// <summary>
/// One step of one instance: read its state, apply the messages, run the orchestrator (and the
/// activities it schedules, in this worker) until it waits, then commit everything in one write.
/// </summary>
/// <remarks>
/// Order of writes in a step: timer rows (idempotent, ignored unless the commit lands), the instance
/// entity (ETag-fenced: the single commit point), then the outbox (messages to other instances and
/// child starts, re-sent by the next step if lost), then deleting the consumed messages. A crash
/// between any two leaves either the old state with the messages still queued, or the new state
/// with duplicates that the next step recognises.
/// </remarks>
internal sealed partial class StepProcessor(
    InstanceStore instances,
    TimerStore timers,
    Outbox outbox,
    ActivityRunner activities,
    DurableTaskRegistry registry,
    IServiceProvider services,
    DurableWorkerOptions options,
    WorkSignals signals,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private const int RecentEventIdsKept = 500;
    private readonly ILogger _logger = loggerFactory.CreateLogger<StepProcessor>();

    /// <summary>Runs a step; returns each message's fate in order.</summary>
    /// <exception cref="ConcurrencyConflictException">Another worker committed this instance first; nothing was written.</exception>
    public async Task<MessageFate[]> RunAsync(string instanceId, IReadOnlyList<WorkMessage> messages, CancellationToken cancellationToken)
    {
        var fates = new MessageFate[messages.Count];
        var record = await instances.GetAsync(instanceId, withDocument: true, cancellationToken);
        if (record is null)
        {
            // A start message is sent before its instance is written; anything else for a missing instance is stale.
            for (var i = 0; i < messages.Count; i++)
            {
                fates[i] = messages[i].Kind == MessageKind.Start ? MessageFate.Retry : MessageFate.Done;
            }

            return fates;
        }

        // The last commit's outbox may not have been sent (a crash right after it): send it again; receivers drop duplicates.
        var resent = record.Document.Outbox.Count > 0 || record.Document.ChildStarts.Count > 0;
        if (resent)
        {
            await outbox.SendAsync(record, cancellationToken);
            record.Document.Outbox.Clear();
            record.Document.ChildStarts.Clear();
        }

        var step = new Step(record, time.GetUtcNow());
        for (var i = 0; i < messages.Count; i++)
        {
            fates[i] = Admit(step, messages[i]);
        }

        if (step.Changed)
        {
            await ExecuteAsync(step, cancellationToken);
            await CommitAsync(step, cancellationToken);
        }
        else if (resent)
        {
            await outbox.MarkSentAsync(record, cancellationToken);
        }

        return fates;
    }

    private async Task ExecuteAsync(Step step, CancellationToken cancellationToken)
    {
        var record = step.Record;
        if (record.Status != OrchestrationStatus.Running)
        {
            // Suspended, terminated or still pending: the code does not run; the events only go into history.
            record.Document.History.AddRange(step.NewEvents);
            step.NewEvents.Clear();
            return;
        }

        var watch = Stopwatch.StartNew();
        var run = StartRun(step);
        while (true)
        {
            var newSteps = run.TakeNewSteps();
            var due = new List<HistoryEvent>();
            var scheduled = new List<TaskScheduled>();
            foreach (var newStep in newSteps)
            {
                switch (newStep)
                {
                    case TaskScheduled task:
                        scheduled.Add(task);
                        break;
                    case TimerCreated timer when timer.FireAt <= step.Now.UtcDateTime:
                        due.Add(new TimerFired(step.Now.UtcDateTime, timer.TaskId, timer.FireAt));
                        break;
                    case TimerCreated timer:
                        step.NewTimers.Add(TimerMessage(record, timer));
                        break;
                    case SubOrchestrationCreated sub:
                        record.Document.ChildStarts.Add(new ChildStart(
                            sub.InstanceId, sub.Name, sub.Version ?? registry.DefaultVersion(sub.Name), sub.Input,
                            new ParentReference(record.InstanceId, record.ExecutionId, sub.TaskId)));
                        break;
                }
            }

            if (run.Outcome is { ContinueAsNew: { } next })
            {
                run = ContinueAsNew(step, run, next);
                continue;
            }

            if (run.Outcome is not null || (scheduled.Count == 0 && due.Count == 0))
            {
                break;
            }

            var results = await Task.WhenAll(scheduled.Select(task => activities.RunAsync(record, task, cancellationToken)));
            step.Now = time.GetUtcNow();
            run.Apply(new OrchestratorStarted(step.Now.UtcDateTime));
            foreach (var result in results.Concat(due))
            {
                run.Apply(result);
            }

            if (watch.Elapsed > options.CheckpointAfter)
            {
                Finish(step, run);
                await CommitAsync(step, cancellationToken);
                watch.Restart();
            }
        }

        Finish(step, run);
    }

    private OrchestrationRun StartRun(Step step)
    {
        var record = step.Record;
        var orchestrator = registry.CreateOrchestrator(services, record.Name, record.Version);
        var run = new OrchestrationRun(record.InstanceId, orchestrator ?? new MissingOrchestrator(record.Name, record.Version), JsonDataConverter.Default, loggerFactory);
        run.Replay(record.Document.History, record.CustomStatus);
        run.Apply(new OrchestratorStarted(step.Now.UtcDateTime));
        if (step.Starting)
        {
            record.Status = OrchestrationStatus.Running;
            run.Apply(new ExecutionStarted(step.Now.UtcDateTime, record.Name, record.Version, record.ExecutionId, record.Input));
        }

        foreach (var historyEvent in step.NewEvents)
        {
            run.Apply(historyEvent);
        }

        step.NewEvents.Clear();
        return run;
    }

    private OrchestrationRun ContinueAsNew(Step step, OrchestrationRun finished, ContinueAsNewRequest next)
    {
        var record = step.Record;
        _logger.LogDebug("Instance {InstanceId} continues as new", record.InstanceId);
        record.ExecutionId = Guid.NewGuid().ToString("N");
        record.Version = next.Version ?? record.Version;
        record.Input = next.Input;
        record.CustomStatus = finished.CustomStatus;
        record.Document.History = [];
        step.Starting = true;
        step.NewEvents.AddRange(next.CarriedEvents);
        return StartRun(step);
    }

    private static void Finish(Step step, OrchestrationRun run)
    {
        var record = step.Record;
        record.CustomStatus = run.CustomStatus;
        var history = run.History.ToList();
        if (run.Outcome is { } outcome && outcome.ContinueAsNew is null)
        {
            record.Status = outcome.Status;
            record.Output = outcome.Output;
            record.Failure = outcome.Failure;
            if (outcome.Status != OrchestrationStatus.Terminated)
            {
                history.Add(new ExecutionCompleted(step.Now.UtcDateTime, outcome.Status, outcome.Output, outcome.Failure));
            }

            NotifyParent(record);
        }

        record.Document.History = history;
    }

    private async Task CommitAsync(Step step, CancellationToken cancellationToken)
    {
        var record = step.Record;
        await timers.UpsertAsync(step.NewTimers, cancellationToken);
        record.LastUpdatedAt = step.Now;
        record.LastWorker = options.WorkerId;
        await instances.ReplaceAsync(record, cancellationToken);
        foreach (var timer in step.NewTimers)
        {
            signals.TimerWritten(new DateTimeOffset(timer.FireAt!.Value, TimeSpan.Zero));
        }

        step.NewTimers.Clear();
        if (record.Document.Outbox.Count > 0 || record.Document.ChildStarts.Count > 0)
        {
            await outbox.SendAsync(record, cancellationToken);
            record.Document.Outbox.Clear();
            record.Document.ChildStarts.Clear();
            await outbox.MarkSentAsync(record, cancellationToken);
        }
    }

    private static WorkMessage TimerMessage(InstanceRecord record, TimerCreated timer) => new()
    {
        Kind = MessageKind.TimerFired,
        InstanceId = record.InstanceId,
        Id = $"{record.InstanceId}|{record.ExecutionId}|{timer.TaskId}",
        ExecutionId = record.ExecutionId,
        TaskId = timer.TaskId,
        FireAt = timer.FireAt,
    };

    private static void NotifyParent(InstanceRecord record)
    {
        if (record.Document.Parent is not { } parent)
        {
            return;
        }

        var completed = record.Status == OrchestrationStatus.Completed;
        record.Document.Outbox.Add(new WorkMessage
        {
            Kind = completed ? MessageKind.SubOrchestrationCompleted : MessageKind.SubOrchestrationFailed,
            InstanceId = parent.InstanceId,
            Id = $"{parent.InstanceId}|{parent.ExecutionId}|{parent.TaskId}|done",
            ExecutionId = parent.ExecutionId,
            TaskId = parent.TaskId,
            Payload = completed ? record.Output : null,
            Failure = completed ? null : record.Failure ?? new TaskFailureDetails("Failed", $"Sub-orchestration ended {record.Status}."),
        });
    }

    /// <summary>The state of a step in progress.</summary>
    private sealed class Step(InstanceRecord record, DateTimeOffset now)
    {
        public InstanceRecord Record { get; } = record;

        public DateTimeOffset Now { get; set; } = now;

        public bool Starting { get; set; }

        public bool Changed { get; set; }

        public List<HistoryEvent> NewEvents { get; } = [];

        public List<WorkMessage> NewTimers { get; } = [];

        private HashSet<int>? _answered;
        private Dictionary<int, ScheduledEvent>? _scheduled;

        public bool IsAnswered(int taskId) => (_answered ??= Record.Document.History.OfType<CompletionEvent>().Select(e => e.TaskId)
            .Concat(NewEvents.OfType<CompletionEvent>().Select(e => e.TaskId)).ToHashSet()).Contains(taskId);

        public ScheduledEvent? ScheduledStep(int taskId) =>
            (_scheduled ??= Record.Document.History.OfType<ScheduledEvent>().ToDictionary(e => e.TaskId)).GetValueOrDefault(taskId);

        public void Answered(int taskId) => _answered?.Add(taskId);
    }

    private sealed class MissingOrchestrator(string name, string version) : ITaskOrchestrator
    {
        public Type InputType => typeof(object);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            throw new InvalidOperationException($"No orchestrator named '{name}' (version '{version}') is registered with this worker.");
    }

    private static void RememberEvent(InstanceDocument document, string id)
    {
        document.RecentEventIds.Add(id);
        if (document.RecentEventIds.Count > RecentEventIdsKept)
        {
            document.RecentEventIds.RemoveRange(0, document.RecentEventIds.Count - RecentEventIdsKept);
        }
    }
}

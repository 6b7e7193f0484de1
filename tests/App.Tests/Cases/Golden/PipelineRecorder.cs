using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using PepFunctions.App.Cases;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// Records a pipeline's history as the engine would write it, without storage: each step runs on
/// <see cref="PipelineExecutor"/>, its actions become history events, and the next event is the earliest of what is
/// due — an activity's result (at once), a timer (at its fire time, cancelled ones too, as they fire in Azure), or a
/// scenario's staff event.
/// </summary>
internal static class PipelineRecorder
{
    private const int MaxSteps = 2000;

    public static HistoryFile Record(CasePipeline pipeline, GoldenScenario scenario, string version)
    {
        var now = scenario.Start.UtcDateTime;
        var events = new List<HistoryEvent>
        {
            At(new OrchestratorStartedEvent(-1), now),
            At(new ExecutionStartedEvent(-1, PipelineExecutor.Converter.Serialize(scenario.CaseStart))
            {
                Name = nameof(CasePipeline),
                Version = version,
                OrchestrationInstance = new OrchestrationInstance { InstanceId = scenario.CaseStart.CaseId, ExecutionId = "golden" },
            }, now),
        };
        var activities = new Queue<TaskScheduledEvent>();
        var timers = new List<TimerCreatedEvent>();
        var staff = new Queue<GoldenEvent>(scenario.Events.OrderBy(e => e.At));
        var stepStart = 0;
        for (var step = 0; step < MaxSteps; step++)
        {
            var actions = PipelineExecutor.Step(pipeline, events.Take(stepStart), events.Skip(stepStart));
            var completed = false;
            foreach (var action in actions)
            {
                switch (action)
                {
                    case ScheduleTaskOrchestratorAction task:
                        var scheduled = At(new TaskScheduledEvent(task.Id) { Name = task.Name, Version = task.Version, Input = task.Input }, now);
                        events.Add(scheduled);
                        activities.Enqueue(scheduled);
                        break;
                    case CreateTimerOrchestratorAction timer:
                        var created = At(new TimerCreatedEvent(timer.Id) { FireAt = timer.FireAt }, now);
                        events.Add(created);
                        timers.Add(created);
                        break;
                    case OrchestrationCompleteOrchestratorAction done:
                        events.Add(At(new ExecutionCompletedEvent(done.Id, done.Result, done.OrchestrationStatus, done.FailureDetails), now));
                        completed = true;
                        break;
                    default:
                        throw new InvalidOperationException($"The pipeline took an action the recorder does not know: {action.OrchestratorActionType}.");
                }
            }

            events.Add(At(new OrchestratorCompletedEvent(-1), now));
            if (completed)
            {
                return new HistoryFile(scenario.Name, version, events);
            }

            stepStart = events.Count;
            HistoryEvent next;
            if (activities.TryDequeue(out var activity))
            {
                next = new TaskCompletedEvent(-1, activity.EventId, PipelineExecutor.Converter.Serialize(scenario.ResultOf(activity.Name!, now)));
            }
            else
            {
                var timer = timers.OrderBy(t => t.FireAt).FirstOrDefault();
                if (staff.TryPeek(out var raised) && (timer is null || raised.At.UtcDateTime <= timer.FireAt))
                {
                    staff.Dequeue();
                    now = raised.At.UtcDateTime;
                    next = new EventRaisedEvent(-1, PipelineExecutor.Converter.Serialize(raised.Payload)) { Name = raised.Name };
                }
                else if (timer is not null)
                {
                    timers.Remove(timer);
                    now = timer.FireAt;
                    next = new TimerFiredEvent(-1) { TimerId = timer.EventId, FireAt = timer.FireAt };
                }
                else
                {
                    throw new InvalidOperationException($"Scenario {scenario.Name} leaves the pipeline waiting for nothing at {now:O}.");
                }
            }

            if (now > scenario.Until)
            {
                return new HistoryFile(scenario.Name, version, events);
            }

            events.Add(At(new OrchestratorStartedEvent(-1), now));
            events.Add(At(next, now));
        }

        throw new InvalidOperationException($"Scenario {scenario.Name} took more than {MaxSteps} steps.");
    }

    private static T At<T>(T e, DateTime time) where T : HistoryEvent
    {
        e.Timestamp = time;
        return e;
    }
}

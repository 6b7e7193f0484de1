using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>Deciding, per message, whether it applies to the instance as it stands.</summary>
internal sealed partial class StepProcessor
{
    private static MessageFate Admit(Step step, WorkMessage message)
    {
        var record = step.Record;
        if (record.Status.IsTerminal())
        {
            return MessageFate.Done;
        }

        if (message.Kind == MessageKind.Terminate)
        {
            Terminate(step, message.Payload);
            return MessageFate.Done;
        }

        return record.Status switch
        {
            OrchestrationStatus.Pending => AdmitWhilePending(step, message),
            OrchestrationStatus.Suspended => AdmitWhileSuspended(step, message),
            _ => AdmitWhileRunning(step, message),
        };
    }

    private static MessageFate AdmitWhilePending(Step step, WorkMessage message)
    {
        var record = step.Record;
        if (message.Kind != MessageKind.Start)
        {
            return Buffer(step, message);
        }

        if (message.ExecutionId != record.ExecutionId)
        {
            return MessageFate.Done;
        }

        record.Status = OrchestrationStatus.Running;
        step.Starting = true;
        step.Changed = true;
        ReadmitBuffered(step);
        return MessageFate.Done;
    }

    private static MessageFate AdmitWhileSuspended(Step step, WorkMessage message)
    {
        switch (message.Kind)
        {
            case MessageKind.Resume:
                step.Record.Status = OrchestrationStatus.Running;
                step.NewEvents.Add(new ExecutionResumed(step.Now.UtcDateTime, message.Payload));
                step.Changed = true;
                ReadmitBuffered(step);
                return MessageFate.Done;
            case MessageKind.Suspend or MessageKind.Start:
                return MessageFate.Done;
            default:
                return Buffer(step, message);
        }
    }

    private static MessageFate AdmitWhileRunning(Step step, WorkMessage message)
    {
        var record = step.Record;
        var now = step.Now.UtcDateTime;
        switch (message.Kind)
        {
            case MessageKind.Suspend:
                record.Status = OrchestrationStatus.Suspended;
                step.NewEvents.Add(new ExecutionSuspended(now, message.Payload));
                step.Changed = true;
                return MessageFate.Done;
            case MessageKind.Event when record.Document.RecentEventIds.Contains(message.Id):
                return MessageFate.Done;
            case MessageKind.Event:
                step.NewEvents.Add(new EventRaised(now, message.Name ?? "", message.Payload, message.Id));
                RememberEvent(record.Document, message.Id);
                step.Changed = true;
                return MessageFate.Done;
            case MessageKind.TimerFired or MessageKind.SubOrchestrationCompleted or MessageKind.SubOrchestrationFailed:
                return AdmitAnswer(step, message);
            default:
                return MessageFate.Done;
        }
    }

    private static MessageFate AdmitAnswer(Step step, WorkMessage message)
    {
        if (message.ExecutionId != step.Record.ExecutionId || step.IsAnswered(message.TaskId))
        {
            return MessageFate.Done;
        }

        var now = step.Now.UtcDateTime;
        HistoryEvent? answer = (message.Kind, step.ScheduledStep(message.TaskId)) switch
        {
            (MessageKind.TimerFired, TimerCreated timer) when timer.FireAt == message.FireAt => new TimerFired(now, message.TaskId, timer.FireAt),
            (MessageKind.SubOrchestrationCompleted, SubOrchestrationCreated) => new SubOrchestrationCompleted(now, message.TaskId, message.Payload),
            (MessageKind.SubOrchestrationFailed, SubOrchestrationCreated) => new SubOrchestrationFailed(
                now, message.TaskId, message.Failure ?? new TaskFailureDetails("Failed", "The sub-orchestration failed.")),
            _ => null,
        };
        if (answer is null)
        {
            // A timer row written for a step that has not committed (yet, or ever): look again shortly.
            return message.Kind == MessageKind.TimerFired ? MessageFate.Retry : MessageFate.Done;
        }

        step.NewEvents.Add(answer);
        step.Answered(message.TaskId);
        step.Changed = true;
        return MessageFate.Done;
    }

    private static void Terminate(Step step, string? reason)
    {
        var record = step.Record;
        record.Status = OrchestrationStatus.Terminated;
        record.Failure = new TaskFailureDetails("Terminated", reason ?? "Terminated.");
        record.Document.Buffered.Clear();
        step.NewEvents.Add(new ExecutionTerminated(step.Now.UtcDateTime, reason));
        step.Changed = true;
        NotifyParent(record);
    }

    private static MessageFate Buffer(Step step, WorkMessage message)
    {
        step.Record.Document.Buffered.Add(message);
        step.Changed = true;
        return MessageFate.Done;
    }

    private static void ReadmitBuffered(Step step)
    {
        var buffered = step.Record.Document.Buffered.ToList();
        step.Record.Document.Buffered.Clear();
        foreach (var message in buffered)
        {
            // A buffered message not applicable now (e.g. a stale timer) has nowhere else to go: it is dropped.
            Admit(step, message);
        }
    }
}

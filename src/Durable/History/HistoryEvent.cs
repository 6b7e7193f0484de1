using System.Text.Json.Serialization;

namespace PepFunctions.Durable;

/// <summary>One entry of an orchestration's history: what happened, in order.</summary>
/// <remarks>Payloads are JSON text as the data converter wrote them.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$e")]
[JsonDerivedType(typeof(ExecutionStarted), "ExecutionStarted")]
[JsonDerivedType(typeof(OrchestratorStarted), "OrchestratorStarted")]
[JsonDerivedType(typeof(TaskScheduled), "TaskScheduled")]
[JsonDerivedType(typeof(TaskCompleted), "TaskCompleted")]
[JsonDerivedType(typeof(TaskFailed), "TaskFailed")]
[JsonDerivedType(typeof(TimerCreated), "TimerCreated")]
[JsonDerivedType(typeof(TimerFired), "TimerFired")]
[JsonDerivedType(typeof(SubOrchestrationCreated), "SubOrchestrationCreated")]
[JsonDerivedType(typeof(SubOrchestrationCompleted), "SubOrchestrationCompleted")]
[JsonDerivedType(typeof(SubOrchestrationFailed), "SubOrchestrationFailed")]
[JsonDerivedType(typeof(EventRaised), "EventRaised")]
[JsonDerivedType(typeof(ExecutionSuspended), "ExecutionSuspended")]
[JsonDerivedType(typeof(ExecutionResumed), "ExecutionResumed")]
[JsonDerivedType(typeof(ExecutionTerminated), "ExecutionTerminated")]
[JsonDerivedType(typeof(ExecutionCompleted), "ExecutionCompleted")]
public abstract record HistoryEvent(DateTime Timestamp);

/// <summary>An execution began.</summary>
public sealed record ExecutionStarted(
    DateTime Timestamp, string Name, string Version, string ExecutionId, string? Input) : HistoryEvent(Timestamp);

/// <summary>The orchestrator ran at <see cref="HistoryEvent.Timestamp"/>; replay sets the context's clock from it.</summary>
public sealed record OrchestratorStarted(DateTime Timestamp) : HistoryEvent(Timestamp);

/// <summary>A step that the orchestrator scheduled (an activity, a timer, a sub-orchestration) with its sequence number.</summary>
public abstract record ScheduledEvent(DateTime Timestamp, int TaskId) : HistoryEvent(Timestamp);

/// <summary>A step's outcome, naming the step it answers.</summary>
public abstract record CompletionEvent(DateTime Timestamp, int TaskId) : HistoryEvent(Timestamp);

/// <summary>An activity was scheduled.</summary>
public sealed record TaskScheduled(DateTime Timestamp, int TaskId, string Name, string? Input) : ScheduledEvent(Timestamp, TaskId);

/// <summary>An activity returned.</summary>
public sealed record TaskCompleted(DateTime Timestamp, int TaskId, string? Result) : CompletionEvent(Timestamp, TaskId);

/// <summary>An activity threw.</summary>
public sealed record TaskFailed(DateTime Timestamp, int TaskId, TaskFailureDetails Failure) : CompletionEvent(Timestamp, TaskId);

/// <summary>A durable timer was created.</summary>
public sealed record TimerCreated(DateTime Timestamp, int TaskId, DateTime FireAt) : ScheduledEvent(Timestamp, TaskId);

/// <summary>A durable timer fired.</summary>
public sealed record TimerFired(DateTime Timestamp, int TaskId, DateTime FireAt) : CompletionEvent(Timestamp, TaskId);

/// <summary>A sub-orchestration was started.</summary>
public sealed record SubOrchestrationCreated(
    DateTime Timestamp, int TaskId, string Name, string? Version, string InstanceId, string? Input) : ScheduledEvent(Timestamp, TaskId);

/// <summary>A sub-orchestration completed.</summary>
public sealed record SubOrchestrationCompleted(DateTime Timestamp, int TaskId, string? Result) : CompletionEvent(Timestamp, TaskId);

/// <summary>A sub-orchestration failed or was terminated.</summary>
public sealed record SubOrchestrationFailed(DateTime Timestamp, int TaskId, TaskFailureDetails Failure) : CompletionEvent(Timestamp, TaskId);

/// <summary>An external event arrived.</summary>
public sealed record EventRaised(DateTime Timestamp, string Name, string? Input, string MessageId) : HistoryEvent(Timestamp);

/// <summary>The instance was suspended.</summary>
public sealed record ExecutionSuspended(DateTime Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>The instance was resumed.</summary>
public sealed record ExecutionResumed(DateTime Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>The instance was terminated.</summary>
public sealed record ExecutionTerminated(DateTime Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>The execution ended (completed, failed, or continued as new).</summary>
public sealed record ExecutionCompleted(
    DateTime Timestamp, OrchestrationStatus Status, string? Result, TaskFailureDetails? Failure, bool ContinuedAsNew = false)
    : HistoryEvent(Timestamp);

using System.Text.Json;
using System.Text.Json.Serialization;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PepFunctions.App.Instances;

/// <summary>One orchestration instance, with its payloads as JSON.</summary>
internal sealed record InstanceResponse(
    string InstanceId,
    string Name,
    OrchestrationRuntimeStatus Status,
    JsonElement? CustomStatus,
    JsonElement? Input,
    JsonElement? Output,
    FailureResponse? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    /// <summary>Maps the client's view of an instance, read with its payloads.</summary>
    public static InstanceResponse From(OrchestrationMetadata instance) => new(
        instance.InstanceId,
        instance.Name,
        instance.RuntimeStatus,
        Payload.Parse(instance.SerializedCustomStatus),
        Payload.Parse(instance.SerializedInput),
        Payload.Parse(instance.SerializedOutput),
        FailureResponse.From(instance.FailureDetails),
        instance.CreatedAt,
        instance.LastUpdatedAt);
}

/// <summary>Why an instance or a step failed. The stack trace stays in the history store and Application Insights, not here.</summary>
internal sealed record FailureResponse(string ErrorType, string ErrorMessage)
{
    /// <summary>Maps the client's failure details; null stays null.</summary>
    public static FailureResponse? From(TaskFailureDetails? failure) =>
        failure is null ? null : new FailureResponse(failure.ErrorType, failure.ErrorMessage);

    /// <summary>Maps the engine's failure details from a history event; null stays null.</summary>
    public static FailureResponse? From(DurableTask.Core.FailureDetails? failure) =>
        failure is null ? null : new FailureResponse(failure.ErrorType, failure.ErrorMessage);
}

/// <summary>
/// One instance in a list, without payloads; <c>Reason</c> says why a <c>Failed</c> or <c>Terminated</c> instance stopped
/// (the first line of its error or output), null otherwise.
/// </summary>
internal sealed record InstanceSummary(
    string InstanceId, string Name, OrchestrationRuntimeStatus Status, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? Reason = null)
{
    private const int MaxReason = 500;

    /// <summary>Maps the client's view of an instance.</summary>
    public static InstanceSummary From(OrchestrationMetadata instance) =>
        new(instance.InstanceId, instance.Name, instance.RuntimeStatus, instance.CreatedAt, instance.LastUpdatedAt, ReasonOf(instance));

    /// <summary>The failure's message or, where the provider keeps the failure as the output (Azure Storage), the output.</summary>
    internal static string? ReasonOf(OrchestrationMetadata instance)
    {
        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return null;
        }

        var reason = instance.FailureDetails is { } failure ? $"{failure.ErrorType}: {failure.ErrorMessage}" : instance.SerializedOutput;
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var line = reason.Split('\n', 2)[0].Trim();
        return line.Length > MaxReason ? line[..MaxReason] : line;
    }
}

/// <summary>
/// Running case pipelines per orchestration version, over the instances counted by this call; when
/// <c>ContinuationToken</c> is not null there are more, counted by calling again with it.
/// </summary>
internal sealed record VersionCountResponse(IReadOnlyDictionary<string, int> Versions, int Counted, string? ContinuationToken);

/// <summary>The answer to a restart of a pipeline that runs already.</summary>
internal sealed record RestartResponse(string InstanceId, string Detail);

/// <summary>A page of instances; pass <paramref name="ContinuationToken"/> back for the next one (null on the last).</summary>
internal sealed record InstancePageResponse(IReadOnlyList<InstanceSummary> Items, string? ContinuationToken);

/// <summary>An instance's history, event by event, oldest first.</summary>
internal sealed record HistoryResponse(string InstanceId, IReadOnlyList<HistoryEntryResponse> Events);

/// <summary>One history event; the optional fields are there when the event has them.</summary>
/// <param name="EventId">The event's sequence number in the history (-1 for events that have none).</param>
/// <param name="EventType">
/// The engine's name for it: <c>ExecutionStarted</c>, <c>TaskScheduled</c>, <c>TaskCompleted</c>, <c>TimerFired</c>,
/// <c>EventRaised</c>, <c>ExecutionCompleted</c>, …
/// </param>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="Name">The orchestration, activity, sub-orchestration or event name.</param>
/// <param name="TaskId">The step an event schedules or answers: an activity's, timer's or sub-orchestration's sequence number.</param>
/// <param name="Input">The input or event payload, JSON text as stored.</param>
/// <param name="Result">The step's or execution's result, JSON text as stored.</param>
/// <param name="Reason">Why the instance was suspended, resumed or terminated.</param>
/// <param name="FireAt">When a timer fires (UTC).</param>
/// <param name="Status">How the execution ended (<c>ExecutionCompleted</c>).</param>
/// <param name="Failure">Why a step or the execution failed.</param>
/// <param name="Version">The orchestration version the instance was started at (<c>ExecutionStarted</c>; empty when unversioned).</param>
internal sealed record HistoryEntryResponse(
    int EventId,
    string EventType,
    DateTimeOffset Timestamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TaskId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Input = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Result = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? FireAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FailureResponse? Failure = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version = null)
{
    /// <summary>Maps one of the engine's history events.</summary>
    public static HistoryEntryResponse From(HistoryEvent e)
    {
        var entry = new HistoryEntryResponse(e.EventId, e.EventType.ToString(), Utc(e.Timestamp));
        return e switch
        {
            ExecutionStartedEvent started => entry with { Name = started.Name, Input = started.Input, Version = started.Version ?? "" },
            TaskScheduledEvent scheduled => entry with { Name = scheduled.Name, TaskId = scheduled.EventId, Input = scheduled.Input },
            TaskCompletedEvent completed => entry with { TaskId = completed.TaskScheduledId, Result = completed.Result },
            TaskFailedEvent failed => entry with { TaskId = failed.TaskScheduledId, Failure = FailureOf(failed.FailureDetails, failed.Reason) },
            TimerCreatedEvent timer => entry with { TaskId = timer.EventId, FireAt = Utc(timer.FireAt) },
            TimerFiredEvent fired => entry with { TaskId = fired.TimerId, FireAt = Utc(fired.FireAt) },
            SubOrchestrationInstanceCreatedEvent sub => entry with { Name = sub.Name, TaskId = sub.EventId, Input = sub.Input },
            SubOrchestrationInstanceCompletedEvent sub => entry with { TaskId = sub.TaskScheduledId, Result = sub.Result },
            SubOrchestrationInstanceFailedEvent sub => entry with { TaskId = sub.TaskScheduledId, Failure = FailureOf(sub.FailureDetails, sub.Reason) },
            EventRaisedEvent raised => entry with { Name = raised.Name, Input = raised.Input },
            EventSentEvent sent => entry with { Name = sent.Name, Input = sent.Input },
            ExecutionSuspendedEvent suspended => entry with { Reason = suspended.Reason },
            ExecutionResumedEvent resumed => entry with { Reason = resumed.Reason },
            ExecutionTerminatedEvent terminated => entry with { Reason = terminated.Input },
            ExecutionCompletedEvent ended => entry with
            {
                Status = ended.OrchestrationStatus.ToString(), Result = ended.Result, Failure = FailureResponse.From(ended.FailureDetails),
            },
            _ => entry,
        };
    }

    private static FailureResponse? FailureOf(DurableTask.Core.FailureDetails? details, string? reason) =>
        FailureResponse.From(details) ?? (reason is null ? null : new FailureResponse("Unknown", reason));

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>Optional body of terminate, suspend and resume.</summary>
/// <param name="Reason">Why; recorded in the instance's history (a terminated instance's output).</param>
internal sealed record ReasonRequest(string? Reason);

/// <summary>Payloads as the data converter stored them.</summary>
internal static class Payload
{
    /// <summary>The stored JSON as an element; text that is not JSON comes back as a JSON string; null stays null.</summary>
    public static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}

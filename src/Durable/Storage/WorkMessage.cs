using System.Text.Json.Serialization;

namespace PepFunctions.Durable.Storage;

/// <summary>What a work message asks of an instance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageKind>))]
internal enum MessageKind
{
    Start,
    Event,
    Terminate,
    Suspend,
    Resume,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    TimerFired,
}

/// <summary>
/// A message for one instance, carried by the work queue, a timer row, or an instance's buffer.
/// </summary>
/// <remarks>
/// <see cref="Id"/> is unique per logical message and the same on every re-send, so a receiver
/// recognises duplicates. Names and personal data never go into ids.
/// </remarks>
internal sealed record WorkMessage
{
    public required MessageKind Kind { get; init; }

    public required string InstanceId { get; init; }

    public required string Id { get; init; }

    /// <summary>The execution the message belongs to; null for messages to whichever execution is current.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The event name.</summary>
    public string? Name { get; init; }

    /// <summary>Event payload, sub-orchestration result, or termination reason.</summary>
    public string? Payload { get; init; }

    /// <summary>Set when the payload was too large for the message and lives in this blob.</summary>
    public string? PayloadBlob { get; init; }

    /// <summary>The timer or sub-orchestration step this answers.</summary>
    public int TaskId { get; init; }

    /// <summary>A timer's fire time.</summary>
    public DateTime? FireAt { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Why the last attempt to process this message failed.</summary>
    public string? LastError { get; init; }
}

using Azure;

namespace PepFunctions.Durable.Storage;

/// <summary>Everything stored about one instance: one table entity, committed as a whole.</summary>
/// <remarks>
/// The whole state — status, history, buffered messages and the outbox of messages still to send —
/// lives in one entity, so a step commits with one ETag-fenced write: two workers can never both
/// commit a step for the same instance, and a step is never half-written.
/// </remarks>
internal sealed class InstanceRecord
{
    public required string InstanceId { get; init; }

    public required string Name { get; set; }

    public required string Version { get; set; }

    public required string ExecutionId { get; set; }

    public OrchestrationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUpdatedAt { get; set; }

    /// <summary>When a pending instance is due to start.</summary>
    public DateTimeOffset? StartAt { get; set; }

    public string? Input { get; set; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public TaskFailureDetails? Failure { get; set; }

    /// <summary>The worker that committed last (for diagnostics).</summary>
    public string? LastWorker { get; set; }

    public InstanceDocument Document { get; set; } = new();

    public ETag ETag { get; set; }

    /// <summary>The blobs the stored entity refers to (large payloads, a large document).</summary>
    public IReadOnlyCollection<string> StoredBlobs { get; set; } = [];

    public OrchestrationMetadata ToMetadata(bool withPayloads) => new()
    {
        InstanceId = InstanceId,
        Name = Name,
        Version = Version,
        ExecutionId = ExecutionId,
        Status = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = LastUpdatedAt,
        SerializedInput = withPayloads ? Input : null,
        SerializedOutput = withPayloads ? Output : null,
        SerializedCustomStatus = CustomStatus,
        FailureDetails = Failure,
    };
}

/// <summary>The part of an instance's state that is stored compressed: history, buffers and outbox.</summary>
internal sealed class InstanceDocument
{
    public List<HistoryEvent> History { get; set; } = [];

    /// <summary>Messages that arrived while the instance was pending or suspended.</summary>
    public List<WorkMessage> Buffered { get; set; } = [];

    /// <summary>Messages this instance committed to send and may not have sent yet.</summary>
    public List<WorkMessage> Outbox { get; set; } = [];

    /// <summary>Sub-orchestrations this instance committed to start and may not have started yet.</summary>
    public List<ChildStart> ChildStarts { get; set; } = [];

    /// <summary>Ids of recent external-event messages, to drop re-deliveries (kept across continue-as-new).</summary>
    public List<string> RecentEventIds { get; set; } = [];

    /// <summary>Set for a sub-orchestration: whom to tell when it ends.</summary>
    public ParentReference? Parent { get; set; }
}

/// <summary>The parent step a sub-orchestration answers.</summary>
internal sealed record ParentReference(string InstanceId, string ExecutionId, int TaskId);

/// <summary>A child instance to create.</summary>
internal sealed record ChildStart(string InstanceId, string Name, string Version, string? Input, ParentReference Parent);

using System.Text.Json;
using PepFunctions.Durable;

namespace PepFunctions.App.Instances;

/// <summary>An instance was started; poll <paramref name="StatusUrl"/> for its status.</summary>
internal sealed record StartedResponse(string InstanceId, string StatusUrl);

/// <summary>One orchestration instance, with its payloads as JSON.</summary>
internal sealed record InstanceResponse(
    string InstanceId,
    string Name,
    string Version,
    OrchestrationStatus Status,
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
        instance.Version,
        instance.Status,
        Parse(instance.SerializedCustomStatus),
        Parse(instance.SerializedInput),
        Parse(instance.SerializedOutput),
        FailureResponse.From(instance.FailureDetails),
        instance.CreatedAt,
        instance.LastUpdatedAt);

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>Why an instance failed or was terminated. The stack trace stays in the history, not here.</summary>
internal sealed record FailureResponse(string ErrorType, string ErrorMessage)
{
    /// <summary>Maps failure details; null stays null.</summary>
    public static FailureResponse? From(TaskFailureDetails? failure) =>
        failure is null ? null : new FailureResponse(failure.ErrorType, failure.ErrorMessage);
}

/// <summary>One instance in a list, without payloads.</summary>
internal sealed record InstanceSummary(string InstanceId, string Name, OrchestrationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt)
{
    /// <summary>Maps the client's view of an instance.</summary>
    public static InstanceSummary From(OrchestrationMetadata instance) =>
        new(instance.InstanceId, instance.Name, instance.Status, instance.CreatedAt, instance.LastUpdatedAt);
}

/// <summary>A page of instances; pass <paramref name="ContinuationToken"/> back for the next one (null on the last).</summary>
internal sealed record InstancePageResponse(IReadOnlyList<InstanceSummary> Items, string? ContinuationToken);

/// <summary>An instance's current execution, event by event (payloads are JSON text as stored).</summary>
internal sealed record HistoryResponse(string InstanceId, IReadOnlyList<HistoryEvent> Events);

/// <summary>Optional body of terminate, suspend and resume.</summary>
/// <param name="Reason">Why; recorded in the instance's history.</param>
internal sealed record ReasonRequest(string? Reason);

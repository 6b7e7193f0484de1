using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// The custom status of a case pipeline: where the person stands (<see cref="CaseProgress"/>) and the orchestration
/// version the instance runs (<c>Version</c>; empty for an instance started before versioning, which runs version 1), so
/// administrators and <c>GET /api/instances/versions</c> see which code each one runs.
/// </summary>
public sealed record PipelineStatus(PipelineStage Stage, DateTimeOffset? NextDueAt, string? NextDue, int? FollowUp, string Version)
{
    /// <summary>The progress part.</summary>
    public CaseProgress ToProgress() => new(Stage, NextDueAt, NextDue, FollowUp);

    /// <summary>
    /// The version <paramref name="instance"/> reports in its custom status (read with its inputs and outputs): empty for
    /// an instance started before versioning; null when it has reported none (not yet, or not a pipeline).
    /// </summary>
    public static string? VersionOf(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.SerializedCustomStatus is not { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement is { ValueKind: JsonValueKind.Object } status
                && status.TryGetProperty(nameof(Version), out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The orchestration context a pipeline version runs on: the engine's own, except that a <see cref="CaseProgress"/> set
/// as custom status is written as a <see cref="PipelineStatus"/> with the instance's version. The custom status is not
/// part of the history, so released versions get the version shown without a change to what they do.
/// </summary>
internal sealed class VersionedStatusContext(TaskOrchestrationContext inner) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override int CompareVersionTo(string version) => inner.CompareVersionTo(version);

    public override T GetInput<T>() => inner.GetInput<T>()!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus is CaseProgress progress
        ? new PipelineStatus(progress.Stage, progress.NextDueAt, progress.NextDue, progress.FollowUp, inner.Version ?? "")
        : customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();
}

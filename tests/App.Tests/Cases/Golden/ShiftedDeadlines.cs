using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using PepFunctions.App.Cases;
using PepFunctions.App.Cases.V1;

namespace PepFunctions.App.Tests.Cases.Golden;

/// <summary>
/// A deliberate change for the tests to catch: version 1's pipeline with every deadline an hour later (as a changed
/// deadline formula would do), offered as version <paramref name="version"/>. Offered as <c>1.0</c> it is the change
/// made without a new version; as <c>2.0</c>, beside the real version 1, it is the same change gated.
/// </summary>
internal sealed class ShiftedDeadlines(string version) : IPipelineVersion
{
    public string Version => version;

    public Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseStart start) =>
        new CasePipelineV1().RunAsync(new LaterTimers(context), start);

    private sealed class LaterTimers(TaskOrchestrationContext inner) : TaskOrchestrationContext
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

        public override T GetInput<T>() => inner.GetInput<T>()!;

        public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
            inner.CallActivityAsync<TResult>(name, input, options);

        public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
            inner.CreateTimer(fireAt.AddHours(1), cancellationToken);

        public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
            inner.WaitForExternalEvent<T>(eventName, cancellationToken);

        public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

        public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

        public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
            inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

        public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

        public override Guid NewGuid() => inner.NewGuid();
    }
}

using System.Reflection;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Entities;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// An <c>orchestrationTrigger</c> function as an SDK orchestrator, for the SDK's shim to run on the Durable Task
/// Framework: calls the function with the orchestration's context.
/// </summary>
/// <remarks>
/// A function-based orchestrator reads its input with <c>context.GetInput&lt;T&gt;()</c> for any T, as under Durable
/// Functions; the shim would only hand back the type it deserialized, so the input is kept as JSON and the context
/// passed to the function (<see cref="FunctionOrchestrationContext"/>) deserializes it on request.
/// </remarks>
internal sealed class FunctionOrchestrator(FunctionDefinition function, IServiceProvider appServices, DataConverter converter) : ITaskOrchestrator
{
    public Type InputType => typeof(JsonElement);

    public Type OutputType => function.Method.ReturnType.IsGenericType ? function.Method.ReturnType.GetGenericArguments()[0] : typeof(object);

    public static void Check(FunctionDefinition definition) =>
        FunctionInvoker.CheckBindable(definition, p => p.ParameterType == typeof(TaskOrchestrationContext));

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var wrapped = new FunctionOrchestrationContext(context, input as JsonElement?, converter);
        return FunctionInvoker.InvokeAsync(function, appServices, (ParameterInfo _, out object? value) =>
        {
            value = wrapped;
            return true;
        });
    }
}

/// <summary>The shim's orchestration context, with <see cref="GetInput{T}"/> deserializing the kept JSON input.</summary>
internal sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, JsonElement? input, DataConverter converter) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    public override ILoggerFactory ReplaySafeLoggerFactory => inner.ReplaySafeLoggerFactory;

    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override T GetInput<T>() => input is { } json ? converter.Deserialize<T>(json.GetRawText())! : default!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    // The base class's overload drops NewVersion; the shim's keeps it (and, without one, the instance keeps its version).
    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
}

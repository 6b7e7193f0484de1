using System.Runtime.CompilerServices;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Client;
using Newtonsoft.Json.Linq;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace PepFunctions.LocalRunner.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> that <c>[DurableClient]</c> parameters get under the runner: the SDK's client
/// API over the Durable Task Framework's <see cref="TaskHubClient"/> and the Azure Storage provider (no served
/// package offers one). Inputs and payloads are written with the SDK's converter, which the shims read.
/// </summary>
/// <remarks>
/// It keeps the Durable Functions client's rules (<see cref="ClientRules"/>): an operation on an instance that does
/// not exist, or whose state does not allow it, throws the <see cref="Grpc.Core.RpcException"/> the isolated worker's
/// client throws in Azure, and a start for an id that is running is refused (the provider's
/// <c>ThrowExceptionOnInvalidDedupeStatus</c>, which Durable Functions turns on). Pinned by <c>EngineClientContractTests</c>.
/// A start that names no version gets host.json's <c>defaultVersion</c> (pinned by <c>OrchestrationVersioningTests</c>).
/// </remarks>
internal sealed class EngineClient(
    string hubName, AzureStorageOrchestrationService service, DataConverter converter, ILoggerFactory loggerFactory, string? defaultVersion = null)
    : DurableTaskClient(hubName)
{
    private static readonly CoreStatus[] ActiveStatuses = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.ContinuedAsNew, CoreStatus.Suspended];
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly Dictionary<EventType, Type> HistoryEventTypes = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(HistoryEvent)))
        .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType);

    private readonly DataConverter _converter = converter;
    private readonly TaskHubClient _client = new(service, new DataConverterBridge(converter), loggerFactory);

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value);
        var version = options?.Version?.Version is { Length: > 0 } given ? given : defaultVersion ?? "";
        try
        {
            var instance = options?.StartAt is { } startAt
                ? await _client.CreateOrchestrationInstanceAsync(orchestratorName.Name, version, instanceId, input, tags, ActiveStatuses, startAt.UtcDateTime)
                : await _client.CreateOrchestrationInstanceAsync(orchestratorName.Name, version, instanceId, input, tags, ActiveStatuses);
            return instance.InstanceId;
        }
        catch (DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            throw ClientRules.AlreadyExists(instanceId);
        }
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        await RequireAsync(instanceId, ClientRules.Running, $"raise event {eventName} for");
        await _client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, eventPayload!);
    }

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await RequireAsync(instanceId, ClientRules.Running, "terminate");
        await _client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, options?.Output is { } output ? _converter.Serialize(output) : null!);
    }

    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await RequireAsync(instanceId, ClientRules.Suspendable, "suspend");
        await _client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);
    }

    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await RequireAsync(instanceId, ClientRules.Resumable, "resume");
        await _client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states.FirstOrDefault(s => s is not null) is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)(int)s).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await service.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                [.. result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs))], result.ContinuationToken);
        });

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending } started)
            {
                return started;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { IsCompleted: true } completed)
            {
                return completed;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var statuses = filter.Statuses?.Select(s => (CoreStatus)(int)s).ToList();
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(
            new PurgeInstanceFilter(filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, statuses));
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var state = await RequireAsync(instanceId);
        // The provider writes the events with Newtonsoft.Json's defaults, without type names: each one's EventType says its class.
        var events = JArray.Parse(await service.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId));
        return [.. events.Select(e => (HistoryEvent)e.ToObject(HistoryEventTypes[e[nameof(HistoryEvent.EventType)]!.ToObject<EventType>()])!)];
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationState> RequireAsync(string instanceId) =>
        (await service.GetOrchestrationStateAsync(instanceId, allExecutions: false)).FirstOrDefault(s => s is not null)
        ?? throw ClientRules.NotFound(instanceId);

    private async Task RequireAsync(string instanceId, IReadOnlySet<CoreStatus> allowed, string operation)
    {
        var state = await RequireAsync(instanceId);
        if (!allowed.Contains(state.OrchestrationStatus))
        {
            throw ClientRules.WrongState(operation, instanceId, state.OrchestrationStatus);
        }
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withData) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = withData ? state.Input : null,
        SerializedOutput = withData ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } failure
            ? new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, null, null)
            : null,
        DataConverter = _converter,
    };
}

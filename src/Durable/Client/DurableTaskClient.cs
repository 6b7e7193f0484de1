using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Worker;

namespace PepFunctions.Durable;

/// <summary>Starts, signals, inspects and cleans up orchestration instances of one task hub.</summary>
/// <remarks>Every method validates its arguments before it writes anything.</remarks>
public sealed partial class DurableTaskClient
{
    private readonly TaskHubStorage _storage;
    private readonly InstanceStore _instances;
    private readonly WorkQueue _queue;
    private readonly InstanceCreator _creator;
    private readonly DeadLetterStore _deadLetters;
    private readonly TimerStore _timers;
    private readonly PayloadStore _payloads;
    private readonly DurableTaskRegistry _registry;

    internal DurableTaskClient(
        TaskHubStorage storage, InstanceStore instances, WorkQueue queue, InstanceCreator creator, DeadLetterStore deadLetters,
        TimerStore timers, PayloadStore payloads, DurableTaskRegistry registry)
    {
        _storage = storage;
        _instances = instances;
        _queue = queue;
        _creator = creator;
        _deadLetters = deadLetters;
        _timers = timers;
        _payloads = payloads;
        _registry = registry;
    }

    /// <summary>Starts a new instance of orchestrator <paramref name="name"/>.</summary>
    /// <returns>The instance id.</returns>
    /// <exception cref="ArgumentException">Bad id or unknown orchestrator name.</exception>
    /// <exception cref="PayloadSerializationException">The input cannot be serialized.</exception>
    /// <exception cref="InstanceAlreadyExistsException">The id is in use and <see cref="StartOrchestrationOptions.IfExists"/> does not allow reusing it.</exception>
    public async Task<string> StartNewAsync(
        string name, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StartOrchestrationOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var instanceId = options.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId, nameof(options));
        if (!_registry.HasOrchestrator(name))
        {
            throw new ArgumentException($"No orchestrator named '{name}' is registered.", nameof(name));
        }

        var version = options.Version ?? _registry.DefaultVersion(name);
        if (!_registry.HasOrchestrator(name, version))
        {
            throw new ArgumentException($"Orchestrator '{name}' has no registered version '{version}'.", nameof(options));
        }

        var serialized = JsonDataConverter.Default.Serialize(input);
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);

        InstanceRecord? replacing = null;
        while (true)
        {
            var existing = await _creator.CreateAsync(
                instanceId, name, version, serialized, NewExecutionId(), null, options.StartAt, cancellationToken, replacing);
            if (existing is null)
            {
                return instanceId;
            }

            var active = !existing.Status.IsTerminal();
            switch (options.IfExists)
            {
                case InstanceIdReuse.ReturnExistingIfActive when active:
                    if (existing.Status == OrchestrationStatus.Pending)
                    {
                        // A retried start: make sure the pending instance's wake-up exists.
                        await _creator.WakeAsync(existing, cancellationToken);
                    }

                    return instanceId;
                case InstanceIdReuse.ReturnExistingIfActive or InstanceIdReuse.ReplaceIfEnded when !active:
                    replacing = existing;
                    break;
                default:
                    throw new InstanceAlreadyExistsException(instanceId, existing.Status);
            }
        }
    }

    /// <summary>Sends an event to an instance; the orchestrator receives it through <c>WaitForExternalEvent</c>.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InvalidOperationException">The instance has ended.</exception>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var serialized = JsonDataConverter.Default.Serialize(payload);
        await SendToActiveAsync(instanceId, MessageKind.Event, eventName, serialized, cancellationToken);
    }

    /// <summary>Ends an instance now, with a reason; a terminated instance cannot be resumed.</summary>
    public Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendToActiveAsync(instanceId, MessageKind.Terminate, null, reason, cancellationToken);

    /// <summary>Pauses an instance: messages wait until it is resumed.</summary>
    public Task SuspendAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendToActiveAsync(instanceId, MessageKind.Suspend, null, reason, cancellationToken);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendToActiveAsync(instanceId, MessageKind.Resume, null, reason, cancellationToken);

    private async Task SendToActiveAsync(string instanceId, MessageKind kind, string? name, string? payload, CancellationToken cancellationToken)
    {
        InstanceIds.Validate(instanceId);
        await _storage.EnsureCreatedAsync().WaitAsync(cancellationToken);
        var record = await _instances.GetAsync(instanceId, withDocument: false, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        if (record.Status.IsTerminal())
        {
            throw new InvalidOperationException($"Orchestration instance '{instanceId}' has ended ({record.Status}); nothing was sent.");
        }

        await _queue.SendAsync(
            new WorkMessage { Kind = kind, InstanceId = instanceId, Id = Guid.NewGuid().ToString("N"), Name = name, Payload = payload },
            null,
            cancellationToken);
        _creator.NotifyLocalWork();
    }

    private static string NewExecutionId() => Guid.NewGuid().ToString("N");
}

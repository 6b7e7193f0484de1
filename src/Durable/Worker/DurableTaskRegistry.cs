using Microsoft.Extensions.DependencyInjection;

namespace PepFunctions.Durable;

/// <summary>The orchestrators (by name and version) and activities (by name) a worker runs.</summary>
/// <remarks>Names default to the class name, so call sites can use <c>nameof(MyActivity)</c>.</remarks>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<(string Name, string Version), Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = [];
    private readonly Dictionary<string, string> _defaultVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities = new(StringComparer.Ordinal);

    /// <summary>Registers an orchestrator class; the latest registration of a name is that name's default version.</summary>
    public DurableTaskRegistry AddOrchestrator<T>(string? name = null, string version = "") where T : class, ITaskOrchestrator =>
        AddOrchestrator(name ?? typeof(T).Name, version, services => ActivatorUtilities.CreateInstance<T>(services));

    /// <summary>Registers an orchestrator written as a function.</summary>
    public DurableTaskRegistry AddOrchestrator<TInput, TOutput>(
        string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run, string version = "") =>
        AddOrchestrator(name, version, _ => new FuncOrchestrator<TInput, TOutput>(run));

    /// <summary>Registers an activity class.</summary>
    public DurableTaskRegistry AddActivity<T>(string? name = null) where T : class, ITaskActivity =>
        AddActivity(name ?? typeof(T).Name, services => ActivatorUtilities.CreateInstance<T>(services));

    /// <summary>Registers an activity written as a function.</summary>
    public DurableTaskRegistry AddActivity<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run) =>
        AddActivity(name, _ => new FuncActivity<TInput, TOutput>(run));

    /// <summary>Whether any orchestrator of this name is registered.</summary>
    public bool HasOrchestrator(string name) => _defaultVersions.ContainsKey(name);

    /// <summary>Whether version <paramref name="version"/> of orchestrator <paramref name="name"/> is registered.</summary>
    public bool HasOrchestrator(string name, string version) => _orchestrators.ContainsKey((name, version));

    /// <summary>The version new instances of <paramref name="name"/> start with.</summary>
    public string DefaultVersion(string name) => _defaultVersions.GetValueOrDefault(name, "");

    internal ITaskOrchestrator? CreateOrchestrator(IServiceProvider services, string name, string version) =>
        _orchestrators.TryGetValue((name, version), out var create) ? create(services) : null;

    internal ITaskActivity? CreateActivity(IServiceProvider services, string name) =>
        _activities.TryGetValue(name, out var create) ? create(services) : null;

    private DurableTaskRegistry AddOrchestrator(string name, string version, Func<IServiceProvider, ITaskOrchestrator> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_orchestrators.TryAdd((name, version), create))
        {
            throw new ArgumentException($"Orchestrator '{name}' version '{version}' is registered twice.", nameof(name));
        }

        _defaultVersions[name] = version;
        return this;
    }

    private DurableTaskRegistry AddActivity(string name, Func<IServiceProvider, ITaskActivity> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_activities.TryAdd(name, create))
        {
            throw new ArgumentException($"Activity '{name}' is registered twice.", nameof(name));
        }

        return this;
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run)
        : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(context, input);
    }
}

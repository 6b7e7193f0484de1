using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PepFunctions.Durable.Storage;
using PepFunctions.Durable.Worker;

namespace PepFunctions.Durable;

/// <summary>Registers the durable runtime with dependency injection.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the task hub client and, when <paramref name="runWorker"/> is true, a worker serving it.
    /// Configure <see cref="DurableStorageOptions"/> and <see cref="DurableWorkerOptions"/> through the options pattern;
    /// both are validated on start.
    /// </summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskRegistry> register, bool runWorker = true)
    {
        var registry = new DurableTaskRegistry();
        register(registry);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddOptions<DurableStorageOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DurableWorkerOptions>().ValidateDataAnnotations().Validate(
            o => o.VisibilityTimeout >= TimeSpan.FromSeconds(1) && o.MinPollInterval > TimeSpan.Zero && o.ActivePollInterval >= o.MinPollInterval,
            "VisibilityTimeout must be at least 1 s and poll intervals positive, ActivePollInterval >= MinPollInterval.").ValidateOnStart();

        services.AddSingleton(sp => new TaskHubStorage(sp.GetRequiredService<IOptions<DurableStorageOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DurableWorkerOptions>>().Value);
        services.AddSingleton(sp => new PayloadStore(sp.GetRequiredService<TaskHubStorage>().Payloads));
        services.AddSingleton(sp => new InstanceStore(sp.GetRequiredService<TaskHubStorage>().Instances, sp.GetRequiredService<PayloadStore>()));
        services.AddSingleton(sp => new WorkQueue(sp.GetRequiredService<TaskHubStorage>().WorkQueue, sp.GetRequiredService<PayloadStore>()));
        services.AddSingleton(sp => new TimerStore(sp.GetRequiredService<TaskHubStorage>().Timers));
        services.AddSingleton(sp => new DeadLetterStore(sp.GetRequiredService<TaskHubStorage>().DeadLetters));
        services.AddSingleton<WorkSignals>();
        services.AddSingleton<InstanceCreator>();
        services.AddSingleton(sp => new DurableTaskClient(
            sp.GetRequiredService<TaskHubStorage>(),
            sp.GetRequiredService<InstanceStore>(),
            sp.GetRequiredService<WorkQueue>(),
            sp.GetRequiredService<InstanceCreator>(),
            sp.GetRequiredService<DeadLetterStore>(),
            sp.GetRequiredService<TimerStore>(),
            sp.GetRequiredService<PayloadStore>(),
            sp.GetRequiredService<DurableTaskRegistry>()));
        if (runWorker)
        {
            services.AddSingleton<ActivityRunner>();
            services.AddSingleton<Outbox>();
            services.AddSingleton<StepProcessor>();
            services.AddSingleton<DurableWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<DurableWorker>());
            services.AddSingleton<IDurableWorkerStatus>(sp => sp.GetRequiredService<DurableWorker>());
        }

        return services;
    }
}

/// <summary>Whether this process's worker is serving its task hub (for health checks).</summary>
public interface IDurableWorkerStatus
{
    /// <summary>True once the worker has created the hub's storage and is polling.</summary>
    bool IsRunning { get; }
}

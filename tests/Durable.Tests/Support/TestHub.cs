using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PepFunctions.Durable.Storage;
using PepFunctions.Testing;

namespace PepFunctions.Durable.Tests.Support;

/// <summary>
/// A task hub of its own on the shared Azurite, with a client and any number of workers
/// (each a separate service provider, as a separate process would have). Deletes the hub on dispose.
/// </summary>
internal sealed class TestHub : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly Action<DurableTaskRegistry> _register;
    private readonly Action<DurableWorkerOptions>? _configureWorker;

    private TestHub(string connectionString, Action<DurableTaskRegistry> register, Action<DurableWorkerOptions>? configureWorker, TimeProvider? time)
    {
        ConnectionString = connectionString;
        HubName = TestNames.Hub();
        _register = register;
        _configureWorker = configureWorker;
        Time = time ?? TimeProvider.System;
    }

    public string ConnectionString { get; }

    public string HubName { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public DurableTaskClient Client { get; private set; } = null!;

    /// <summary>Creates a hub with one running worker whose client is <see cref="Client"/>.</summary>
    public static async Task<TestHub> StartAsync(
        Action<DurableTaskRegistry> register, Action<DurableWorkerOptions>? configureWorker = null, TimeProvider? time = null, int workers = 1)
    {
        var azurite = await AzuriteHost.SharedAsync();
        var hub = new TestHub(azurite.ConnectionString, register, configureWorker, time);
        hub.Client = hub.CreateClientOnly();
        for (var i = 0; i < workers; i++)
        {
            await hub.StartWorkerAsync();
        }

        return hub;
    }

    /// <summary>Starts one more worker, as another process would, optionally with extra storage policies.</summary>
    public async Task<ServiceProvider> StartWorkerAsync(params HttpPipelinePolicy[] policies)
    {
        var provider = Build(runWorker: true, policies);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return provider;
    }

    /// <summary>Stops a worker started by <see cref="StartWorkerAsync"/>.</summary>
    public async Task StopWorkerAsync(ServiceProvider provider)
    {
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
        _providers.Remove(provider);
    }

    /// <summary>A client in a process of its own, with no worker.</summary>
    public DurableTaskClient CreateClientOnly(params HttpPipelinePolicy[] policies) =>
        Build(runWorker: false, policies).GetRequiredService<DurableTaskClient>();

    internal T GetInternal<T>() where T : notnull => _providers[0].GetRequiredService<T>();

    /// <summary>Waits for the instance to end, failing the test after <paramref name="timeout"/>.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await Client.WaitForCompletionAsync(instanceId, cancellationToken: cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var now = await Client.GetInstanceAsync(instanceId);
            throw new TimeoutException($"Instance {instanceId} did not end in time; it is {now?.Status}.");
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the instance.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} did not reach the expected state; it is {instance?.Status}.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers.ToArray())
        {
            await StopWorkerAsync(provider);
        }

        var storage = new TaskHubStorage(new DurableStorageOptions { ConnectionString = ConnectionString, TaskHubName = HubName });
        await storage.DeleteAllAsync(CancellationToken.None);
    }

    private ServiceProvider Build(bool runWorker, HttpPipelinePolicy[] policies)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Time);
        services.AddDurableTask(_register, runWorker);
        services.Configure<DurableStorageOptions>(o =>
        {
            o.ConnectionString = ConnectionString;
            o.TaskHubName = HubName;
            foreach (var policy in policies)
            {
                o.AdditionalPolicies.Add(policy);
            }
        });
        services.Configure<DurableWorkerOptions>(o =>
        {
            o.VisibilityTimeout = TimeSpan.FromSeconds(3);
            o.MinPollInterval = TimeSpan.FromMilliseconds(20);
            o.ActivePollInterval = TimeSpan.FromMilliseconds(200);
            o.IdlePollInterval = TimeSpan.FromMilliseconds(500);
            o.TimerPollInterval = TimeSpan.FromMilliseconds(200);
            _configureWorker?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}

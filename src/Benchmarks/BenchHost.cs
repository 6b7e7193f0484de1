using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PepFunctions.Durable;

namespace PepFunctions.Benchmarks;

/// <summary>One worker process's worth of runtime: a client and a worker sharing one set of counted storage clients.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ServiceProvider _observer;

    private BenchHost(ServiceProvider provider, ServiceProvider observer, RequestCounter counter)
    {
        _provider = provider;
        _observer = observer;
        Counter = counter;
    }

    public RequestCounter Counter { get; }

    public DurableTaskClient Client => _provider.GetRequiredService<DurableTaskClient>();

    public string WorkerId => _provider.GetRequiredService<DurableWorkerOptions>().WorkerId;

    public static async Task<BenchHost> StartAsync(string connection, string hub, bool defaultPolling = false, bool logToConsole = false)
    {
        var counter = new RequestCounter();
        var provider = Build(connection, hub, runWorker: true, counter, defaultPolling, logToConsole);
        var observer = Build(connection, hub, runWorker: false, counter: null, defaultPolling, logToConsole: false);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        // Let the worker create the hub before anything is counted as work.
        await provider.GetRequiredService<DurableTaskClient>().QueryInstancesAsync(new InstanceQuery { PageSize = 1 });
        return new BenchHost(provider, observer, counter);
    }

    /// <summary>Waits until <paramref name="n"/> instances have completed, polling with a client whose requests are not counted.</summary>
    public async Task WaitAllCompletedAsync(int n)
    {
        var observer = _observer.GetRequiredService<DurableTaskClient>();
        while (true)
        {
            var completed = 0;
            var query = new InstanceQuery { Statuses = [OrchestrationStatus.Completed], PageSize = 1000 };
            do
            {
                var page = await observer.QueryInstancesAsync(query);
                completed += page.Items.Count;
                query = query with { ContinuationToken = page.ContinuationToken };
            }
            while (query.ContinuationToken is not null);

            if (completed >= n)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _provider.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
        await _observer.DisposeAsync();
    }

    private static ServiceProvider Build(string connection, string hub, bool runWorker, RequestCounter? counter, bool defaultPolling, bool logToConsole)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logToConsole)
            {
                logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            }
        });
        services.AddDurableTask(registry => Workloads.Register(registry), runWorker);
        services.Configure<DurableStorageOptions>(o =>
        {
            o.ConnectionString = connection;
            o.TaskHubName = hub;
            if (counter is not null)
            {
                o.AdditionalPolicies.Add(counter);
            }
        });
        if (!defaultPolling)
        {
            services.Configure<DurableWorkerOptions>(o =>
            {
                o.ActivePollInterval = TimeSpan.FromMilliseconds(250);
                o.IdlePollInterval = TimeSpan.FromSeconds(1);
                o.VisibilityTimeout = TimeSpan.FromSeconds(10);
            });
        }

        return services.BuildServiceProvider();
    }
}

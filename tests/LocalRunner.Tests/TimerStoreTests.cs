using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.Testing;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// Timer schedules are kept as the Functions host keeps them (Azure/azure-webjobs-sdk: a timer listener is a singleton
/// held by a blob lease; azure-webjobs-sdk-extensions <c>StorageScheduleMonitor</c>: a <c>Next</c> in the past at start
/// is a missed run, fired once with <c>IsPastDue</c>): two runner processes on one task hub never both fire a schedule,
/// and a run missed while none ran fires once when one starts. On the shared Azurite, under a host id of the test's own.
/// </summary>
public sealed class TimerStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly string _hostId = TestNames.Hub("timers");
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;

    public async Task DisposeAsync()
    {
        var container = new BlobServiceClient(_connectionString).GetBlobContainerClient(TimerStore.ContainerName);
        foreach (var prefix in new[] { $"locks/{_hostId}/", $"timers/{_hostId}/" })
        {
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
            {
                await container.GetBlobClient(blob.Name).DeleteIfExistsAsync();
            }
        }
    }

    [Fact]
    public async Task RunAsync_TwoProcessesOnOneSchedule_OnlyTheLeaseHolderFires()
    {
        var (one, two) = (new Runs(), new Runs());
        using var stopping = new CancellationTokenSource();

        var first = Timer("* * * * * *", one).RunAsync(stopping.Token);
        await one.WaitForAsync(1);
        var second = Timer("* * * * * *", two).RunAsync(stopping.Token);
        await one.WaitForAsync(one.Count + 3);
        await stopping.CancelAsync();
        await Task.WhenAll(first, second);

        Assert.True(one.Count >= 4, $"The lease holder fired {one.Count} times.");
        Assert.Equal(0, two.Count);
    }

    [Fact]
    public async Task RunAsync_RunMissedWhileNothingRan_FiresOnceAtStartPastDue()
    {
        var store = TimerStore.Create(_connectionString, _hostId);
        var missed = new ScheduleStatus { Last = DateTime.UtcNow.AddDays(-2), Next = DateTime.UtcNow.AddHours(-1), LastUpdated = DateTime.UtcNow.AddDays(-2) };
        await store.WriteStatusAsync(nameof(CountingSweep), missed, CancellationToken.None);
        var runs = new Runs();
        using var stopping = new CancellationTokenSource();

        // Yearly: nothing but the missed run can fire while the test runs.
        var running = Timer("0 0 0 1 1 *", runs).RunAsync(stopping.Token);
        await runs.WaitForAsync(1);
        await stopping.CancelAsync();
        await running;

        Assert.Equal([true], runs.PastDue);
        var status = await store.ReadStatusAsync(nameof(CountingSweep), CancellationToken.None);
        Assert.True(status!.Next > DateTime.UtcNow, $"The stored next run is {status.Next:O}.");
    }

    [Fact]
    public async Task RunAsync_FirstStartWithoutStatus_DoesNotFireAndRecordsTheNextRun()
    {
        var store = TimerStore.Create(_connectionString, _hostId);
        using var stopping = new CancellationTokenSource();
        var runs = new Runs();

        var running = Timer("0 0 0 1 1 *", runs).RunAsync(stopping.Token);
        var status = await WaitForStatusAsync(store);
        await stopping.CancelAsync();
        await running;

        Assert.Equal(0, runs.Count);
        Assert.True(status.Next > DateTime.UtcNow);
    }

    private static async Task<ScheduleStatus> WaitForStatusAsync(TimerStore store)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            if (await store.ReadStatusAsync(nameof(CountingSweep), CancellationToken.None) is { } status)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No schedule status within {WaitLimit}.");
            await Task.Delay(100);
        }
    }

    private TimerTriggers Timer(string schedule, Runs runs)
    {
        var function = new FunctionDefinition(nameof(CountingSweep), typeof(CountingSweep).GetMethod(nameof(CountingSweep.Run))!,
            [new BindingMetadata { Name = "timer", Type = "timerTrigger", Direction = "In", Schedule = schedule }]);
        var services = new ServiceCollection().AddSingleton(runs).BuildServiceProvider();
        return new TimerTriggers(function, Cronos.CronExpression.Parse(schedule, Cronos.CronFormat.IncludeSeconds), services, null!, NullLogger.Instance)
        {
            Store = TimerStore.Create(_connectionString, _hostId),
        };
    }

    /// <summary>The runs one process's timer made.</summary>
    public sealed class Runs
    {
        private readonly List<bool> _pastDue = [];

        public int Count
        {
            get
            {
                lock (_pastDue)
                {
                    return _pastDue.Count;
                }
            }
        }

        public List<bool> PastDue
        {
            get
            {
                lock (_pastDue)
                {
                    return [.. _pastDue];
                }
            }
        }

        public void Add(bool pastDue)
        {
            lock (_pastDue)
            {
                _pastDue.Add(pastDue);
            }
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow + WaitLimit;
            while (Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Count} runs of {count} within {WaitLimit}.");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A timer function that records its runs in its process's <see cref="Runs"/>.</summary>
    public sealed class CountingSweep(Runs runs)
    {
        public void Run(TimerInfo timer) => runs.Add(timer.IsPastDue);
    }
}

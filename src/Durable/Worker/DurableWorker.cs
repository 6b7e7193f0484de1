using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>
/// Serves a task hub: polls the work queue and the timer table, and steps the instances their
/// messages are for. Any number of workers, in any number of processes, can serve one hub.
/// </summary>
/// <remarks>
/// Back-off: after an empty poll the wait doubles from <see cref="DurableWorkerOptions.MinPollInterval"/>
/// up to <see cref="DurableWorkerOptions.ActivePollInterval"/>, and once the worker has been idle for
/// <see cref="DurableWorkerOptions.IdleAfter"/> up to <see cref="DurableWorkerOptions.IdlePollInterval"/>.
/// Work started by a client in the same process, and messages this worker sends itself, wake it at once;
/// timers this worker wrote wake it when they fall due.
/// </remarks>
internal sealed partial class DurableWorker(
    TaskHubStorage storage,
    WorkQueue queue,
    TimerStore timers,
    DeadLetterStore deadLetters,
    StepProcessor steps,
    WorkSignals signals,
    DurableWorkerOptions options,
    TimeProvider time,
    ILogger<DurableWorker> logger) : BackgroundService, IDurableWorkerStatus
{
    private const int ReceiveBatch = 32;
    private readonly Dictionary<string, InstanceSlot> _slots = [];
    private readonly SemaphoreSlim _stepSlots = new(options.MaxConcurrentSteps);
    private int _messagesInHand;
    private volatile bool _running;

    /// <inheritdoc />
    public bool IsRunning => _running;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CreateHubAsync(stoppingToken);
        logger.LogInformation("Durable worker {WorkerId} serving task hub", options.WorkerId);
        _running = true;
        try
        {
            await Task.WhenAll(PollQueueAsync(stoppingToken), PollTimersAsync(stoppingToken));
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Creates the hub's storage, retrying with back-off while storage is unreachable (the host keeps running).</summary>
    private async Task CreateHubAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await storage.EnsureCreatedAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Task hub storage is unreachable; trying again in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    private async Task PollQueueAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(options);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Volatile.Read(ref _messagesInHand) >= options.MaxConcurrentSteps * 4)
                {
                    await signals.Queue.WaitAsync(TimeSpan.FromMilliseconds(20), TimeProvider.System, stoppingToken);
                    continue;
                }

                var received = await queue.ReceiveAsync(ReceiveBatch, options.VisibilityTimeout, stoppingToken);
                foreach (var message in received)
                {
                    await AcceptAsync(message, stoppingToken);
                }

                if (received.Count > 0)
                {
                    backoff.WorkSeen();
                    continue;
                }

                await signals.Queue.WaitAsync(backoff.Next(), TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Polling the work queue failed; trying again");
                await Delay(backoff.Next(), stoppingToken);
            }
        }
    }

    private async Task PollTimersAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(options);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                var wallNow = TimeProvider.System.GetUtcNow();
                var due = await timers.ClaimDueAsync(now, wallNow + options.VisibilityTimeout, wallNow, 100, stoppingToken);
                foreach (var timer in due)
                {
                    await AcceptAsync(timer, stoppingToken);
                }

                if (due.Count > 0)
                {
                    backoff.WorkSeen();
                    continue;
                }

                await WaitForTimersAsync(backoff, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Polling the timer table failed; trying again");
                await Delay(backoff.Next(), stoppingToken);
            }
        }
    }

    private async Task WaitForTimersAsync(Backoff backoff, CancellationToken stoppingToken)
    {
        var poll = backoff.IsIdle ? options.IdlePollInterval : options.TimerPollInterval;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { signals.Timers.WaitAsync(poll, TimeProvider.System, wake.Token) };
        var now = time.GetUtcNow();
        if (signals.NextKnownDue(now) is { } nextDue)
        {
            var untilDue = nextDue - now;
            waits.Add(Task.Delay(untilDue > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : untilDue, time, wake.Token));
        }

        await Task.WhenAny(waits);
        await wake.CancelAsync();
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Exponential back-off between empty polls, with a lower ceiling while work was seen recently.</summary>
    private sealed class Backoff(DurableWorkerOptions options)
    {
        private TimeSpan _current = TimeSpan.Zero;
        private DateTimeOffset _lastWork = TimeProvider.System.GetUtcNow();

        public bool IsIdle => TimeProvider.System.GetUtcNow() - _lastWork > options.IdleAfter;

        public void WorkSeen()
        {
            _current = TimeSpan.Zero;
            _lastWork = TimeProvider.System.GetUtcNow();
        }

        public TimeSpan Next()
        {
            if (IsIdle)
            {
                // Idle for a while: straight to the long interval, no ramp of extra polls.
                return _current = options.IdlePollInterval;
            }

            var doubled = _current == TimeSpan.Zero ? options.MinPollInterval : _current * 2;
            _current = doubled > options.ActivePollInterval ? options.ActivePollInterval : doubled;
            return _current;
        }
    }
}

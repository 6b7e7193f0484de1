using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PepFunctions.Durable.Storage;

namespace PepFunctions.Durable.Worker;

/// <summary>Handing received messages to instance steps: one step per instance at a time, messages that arrive meanwhile go into its next step.</summary>
internal sealed partial class DurableWorker
{
    // A message whose precondition never appears (a start whose instance was never written, a timer whose
    // step never committed) is dropped after this many tries: with the doubling delays below, ~25 s of patience.
    private const int TriesForAbsentPrecondition = 8;
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);
    }

    private Task AcceptAsync(ReceivedMessage received, CancellationToken cancellationToken)
    {
        var attempts = (int)received.DequeueCount;
        if (received.Message.InstanceId.Length == 0 || attempts > options.MaxAttempts)
        {
            return DeadLetterAsync(received.Message, "queue", attempts, () => queue.DeleteAsync(received, cancellationToken), cancellationToken);
        }

        Enqueue(new WorkItem(
            received.Message,
            attempts,
            () => queue.DeleteAsync(received, cancellationToken),
            (delay, error) => queue.ReleaseAsync(received, delay, error, cancellationToken)), cancellationToken);
        return Task.CompletedTask;
    }

    private Task AcceptAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        if (timer.Attempts > options.MaxAttempts)
        {
            return DeadLetterAsync(timer.Message, "timer", timer.Attempts, () => timers.DeleteAsync(timer, cancellationToken), cancellationToken);
        }

        Enqueue(new WorkItem(
            timer.Message,
            timer.Attempts,
            () => timers.DeleteAsync(timer, cancellationToken),
            (delay, error) => timers.ReleaseAsync(timer, TimeProvider.System.GetUtcNow() + delay, error ?? "retry", cancellationToken)), cancellationToken);
        return Task.CompletedTask;
    }

    private void Enqueue(WorkItem item, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _messagesInHand);
        InstanceSlot? started = null;
        lock (_slots)
        {
            if (_slots.TryGetValue(item.Message.InstanceId, out var slot))
            {
                slot.Pending.Add(item);
                return;
            }

            started = new InstanceSlot(item.Message.InstanceId);
            started.Pending.Add(item);
            _slots[started.InstanceId] = started;
        }

        var task = Task.Run(() => RunSlotAsync(started, cancellationToken), CancellationToken.None);
        _inFlight[task] = true;
        task.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task RunSlotAsync(InstanceSlot slot, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<WorkItem> batch;
            lock (_slots)
            {
                if (slot.Pending.Count == 0)
                {
                    _slots.Remove(slot.InstanceId);
                    return;
                }

                batch = [.. slot.Pending];
                slot.Pending.Clear();
            }

            try
            {
                await _stepSlots.WaitAsync(cancellationToken);
                try
                {
                    await ProcessAsync(slot.InstanceId, batch, cancellationToken);
                }
                finally
                {
                    _stepSlots.Release();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: unacknowledged messages become visible again for another worker.
            }
            finally
            {
                Interlocked.Add(ref _messagesInHand, -batch.Count);
            }
        }
    }

    private async Task ProcessAsync(string instanceId, List<WorkItem> batch, CancellationToken cancellationToken)
    {
        try
        {
            var messages = new List<WorkMessage>(batch.Count);
            foreach (var item in batch)
            {
                messages.Add(await queue.ResolvePayloadAsync(item.Message, cancellationToken));
            }

            var fates = await RunStepWithConflictRetriesAsync(instanceId, messages, cancellationToken);
            await Task.WhenAll(batch.Select((item, i) => Settle(item, fates[i])));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Step of instance {InstanceId} failed; its {Count} message(s) will be retried", instanceId, batch.Count);
            await Task.WhenAll(batch.Select(item => ReleaseQuietly(item, RetryDelay(item.Attempts), $"{ex.GetType().Name}: {ex.Message}")));
        }
    }

    private async Task<MessageFate[]> RunStepWithConflictRetriesAsync(string instanceId, List<WorkMessage> messages, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await steps.RunAsync(instanceId, messages, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 4)
            {
                logger.LogDebug("Instance {InstanceId} was committed by another worker; stepping again", instanceId);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50) * attempt), cancellationToken);
            }
        }
    }

    private Task Settle(WorkItem item, MessageFate fate)
    {
        if (fate == MessageFate.Done)
        {
            return item.Ack();
        }

        if (item.Attempts >= Math.Min(TriesForAbsentPrecondition, options.MaxAttempts))
        {
            logger.LogWarning("Dropping {Kind} message {MessageId}: what it waits for never appeared", item.Message.Kind, item.Message.Id);
            return item.Ack();
        }

        // What it waits for is normally a write already under way (the instance entity after its start message):
        // look again soon, then less and less often.
        var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, item.Attempts - 1)));
        return item.Release(delay, $"{item.Message.Kind} message waits for state that is not there yet");
    }

    private async Task ReleaseQuietly(WorkItem item, TimeSpan delay, string error)
    {
        try
        {
            await item.Release(delay, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not release message {MessageId}; it returns when its lease ends", item.Message.Id);
        }
    }

    private async Task DeadLetterAsync(WorkMessage message, string source, int attempts, Func<Task> remove, CancellationToken cancellationToken)
    {
        logger.LogWarning("Dead-lettering {Kind} message {MessageId} for {InstanceId} after {Attempts} attempts", message.Kind, message.Id, message.InstanceId, attempts);
        await deadLetters.AddAsync(message, source, attempts, time.GetUtcNow(), cancellationToken);
        await remove();
    }

    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts - 1)));

    private sealed record WorkItem(WorkMessage Message, int Attempts, Func<Task> Ack, Func<TimeSpan, string?, Task> Release);

    private sealed class InstanceSlot(string instanceId)
    {
        public string InstanceId { get; } = instanceId;

        public List<WorkItem> Pending { get; } = [];
    }
}

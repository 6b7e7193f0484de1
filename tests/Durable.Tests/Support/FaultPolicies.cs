using Azure.Core;
using Azure.Core.Pipeline;

namespace PepFunctions.Durable.Tests.Support;

/// <summary>Thrown by a fault policy; the Azure SDK does not retry it.</summary>
internal sealed class SimulatedCrashException(string message) : Exception(message);

/// <summary>
/// Lets the first <c>writesBeforeCrash</c> storage writes through, then fails that write and every
/// request after it: the worker process is dead from that point, as if killed between two writes.
/// </summary>
internal sealed class CrashAfterWrites(int writesBeforeCrash) : HttpPipelineSynchronousPolicy
{
    private int _writes;
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Crashed => _crashed.Task;

    /// <summary>The writes let through so far.</summary>
    public int Writes => Math.Min(Volatile.Read(ref _writes), writesBeforeCrash);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (_crashed.Task.IsCompleted)
        {
            throw new SimulatedCrashException("This worker has crashed.");
        }

        if (message.Request.Method == RequestMethod.Get || message.Request.Method == RequestMethod.Head)
        {
            return;
        }

        if (Interlocked.Increment(ref _writes) > writesBeforeCrash)
        {
            _crashed.TrySetResult();
            throw new SimulatedCrashException($"Crash before storage write #{writesBeforeCrash + 1}.");
        }
    }
}

/// <summary>Fails every request whose URI contains <paramref name="fragment"/> while <see cref="Enabled"/>.</summary>
internal sealed class FailRequestsContaining(string fragment) : HttpPipelineSynchronousPolicy
{
    public bool Enabled { get; set; } = true;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (Enabled && message.Request.Uri.ToString().Contains(fragment, StringComparison.Ordinal))
        {
            throw new SimulatedCrashException($"Injected failure for {fragment}.");
        }
    }
}

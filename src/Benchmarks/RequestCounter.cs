using Azure.Core;
using Azure.Core.Pipeline;

namespace PepFunctions.Benchmarks;

/// <summary>Counts every HTTP request the Azure SDK sends (retries included), by kind.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;
    private long _writes;

    public long Count => Interlocked.Read(ref _count);

    public long Writes => Interlocked.Read(ref _writes);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head)
        {
            Interlocked.Increment(ref _writes);
        }
    }
}

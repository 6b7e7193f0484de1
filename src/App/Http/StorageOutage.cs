using Azure;

namespace PepFunctions.App.Http;

/// <summary>
/// Recognises a storage outage (the account or the network to it is down, or it answers 5xx) among exceptions, so that
/// requests answer 503 with <c>Retry-After</c> and timer functions log and wait for their next run instead of failing.
/// </summary>
/// <remarks>
/// The Azure SDK reports an unreachable account as <see cref="RequestFailedException"/> with status 0, as
/// <see cref="HttpRequestException"/>, as a <see cref="TaskCanceledException"/> from its own network timeout, or, once its
/// retries run out, as an <see cref="AggregateException"/> ("Retry failed after N tries") of these. Libraries that wrap
/// storage calls (the durable client) may nest them as inner exceptions, so the whole chain is examined.
/// </remarks>
public static class StorageOutage
{
    /// <summary>The seconds a client is told to wait (<c>Retry-After</c>) before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>
    /// Whether <paramref name="exception"/> is a transient storage failure. A cancellation counts only when
    /// <paramref name="cancellationToken"/> (the caller's own) was not cancelled: then it was the SDK's timeout.
    /// </summary>
    public static bool IsOutage(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && IsTransient(exception, depth: 0);

    private static bool IsTransient(Exception exception, int depth) => depth < 8 && exception switch
    {
        // The request's own body failing to arrive (an IOException too) is the client's, not storage's.
        BadHttpRequestException => false,
        RequestFailedException failed when failed.Status == 0 || failed.Status >= 500 => true,
        HttpRequestException or TimeoutException or OperationCanceledException => true,
        // The durable client's gRPC endpoint (the Functions host) cannot be reached or did not answer in time.
        Grpc.Core.RpcException rpc => rpc.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded,
        System.Net.Sockets.SocketException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => IsTransient(inner, depth + 1)),
        { InnerException: { } inner } => IsTransient(inner, depth + 1),
        _ => false,
    };

    /// <summary>The 503 ProblemDetails with <c>Retry-After</c> that a request gets during an outage.</summary>
    public static IResult Problem() => new RetryAfterResult(TypedResults.Problem(
        "The app's storage cannot be reached just now; nothing was changed. Try again in a moment.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Temporarily unavailable"));

    /// <summary>Sets <c>Retry-After</c> on <paramref name="response"/>.</summary>
    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class RetryAfterResult(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            SetRetryAfter(httpContext.Response);
            return problem.ExecuteAsync(httpContext);
        }
    }
}

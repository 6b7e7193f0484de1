using Grpc.Core;
using PepFunctions.Domain;

namespace PepFunctions.App.Http;

/// <summary>A request that is wrong, field by field; nothing was stored.</summary>
internal sealed class RequestValidationException(IReadOnlyList<FieldError> errors)
    : Exception("The request is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public RequestValidationException(string field, string message) : this([new FieldError(field, message)])
    {
    }
}

/// <summary>The signed-in staff member may not do this to this case (role or office).</summary>
internal sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The case, batch, referral or product does not exist (or is not visible to this staff member).</summary>
internal sealed class NotFoundException(string message) : Exception(message);

/// <summary>The thing's state does not allow this now (a full batch, a referral already answered).</summary>
internal sealed class ConflictException(string message) : Exception(message);

/// <summary>The request's body is larger than the API accepts (413); nothing was read or stored.</summary>
internal sealed class PayloadTooLargeException(long limitBytes)
    : Exception($"The request body is larger than {limitBytes:N0} bytes.")
{
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>The request's body is not of a content type the route reads (415); nothing was read or stored.</summary>
internal sealed class UnsupportedMediaTypeException(string message) : Exception(message);

/// <summary>
/// Turns the app services' exceptions into ProblemDetails: 400 naming the fields, 403, 404, 409. <see cref="StaffApi"/>
/// answers them for the JSON API; forms catch the same exceptions and show them next to the fields.
/// </summary>
internal static class ServiceErrors
{
    /// <summary>The response for a service exception; null for one that is not the caller's fault (a bug: it propagates, 500).</summary>
    public static IResult? ToProblem(Exception exception) => exception switch
    {
        RequestValidationException invalid => ValidationErrors.Problem(invalid.Errors),
        ForbiddenException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        NotFoundException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        ConflictException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
        PayloadTooLargeException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large"),
        UnsupportedMediaTypeException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type"),
        RpcException rpc => DurableClientProblem(rpc),
        BadHttpRequestException bad => TypedResults.Problem(
            $"The request cannot be read: {bad.Message}", statusCode: bad.StatusCode, title: "Bad request"),
        _ => null,
    };

    /// <summary>
    /// What the isolated worker's durable client throws when the Durable Functions client refuses (Azure/azure-functions-durable-extension
    /// <c>DurableClient</c> through its gRPC endpoint): the instance does not exist (404), its state does not allow the
    /// operation or an instance with that id is running (409). Unavailable is an outage (<see cref="StorageOutage"/>); anything else is a bug.
    /// </summary>
    private static IResult? DurableClientProblem(RpcException rpc) => rpc.StatusCode switch
    {
        StatusCode.NotFound => TypedResults.Problem(
            "The orchestration instance does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Instance not found"),
        StatusCode.FailedPrecondition or StatusCode.AlreadyExists => TypedResults.Problem(
            $"The orchestration instance's state does not allow this now; nothing was changed. ({rpc.Status.Detail})",
            statusCode: StatusCodes.Status409Conflict, title: "The instance's state does not allow this"),
        _ => null,
    };
}

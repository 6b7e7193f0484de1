using PepFunctions.Durable;

namespace PepFunctions.App.Http;

/// <summary>
/// Turns the durable client's documented exceptions into ProblemDetails, in one place, for the endpoints
/// it is added to: bad arguments and payloads are 400, a missing instance 404, a clash with the
/// instance's state 409. Anything else is a bug and propagates (500).
/// </summary>
internal sealed class DurableClientErrors(ILogger<DurableClientErrors> logger) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ToProblem(ex) is { } problem)
        {
            logger.LogInformation("{Method} {Path} rejected: {ErrorType}", context.HttpContext.Request.Method, context.HttpContext.Request.Path, ex.GetType().Name);
            return problem;
        }
    }

    /// <summary>The response for a client exception; null for one that is not the caller's fault.</summary>
    internal static IResult? ToProblem(Exception exception) => exception switch
    {
        PayloadSerializationException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "The payload is not valid JSON for this operation"),
        ArgumentException { ParamName: { } field } argument => ValidationErrors.For(field, argument),
        ArgumentException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid"),
        InstanceNotFoundException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound, title: "Instance not found"),
        InstanceAlreadyExistsException or InvalidOperationException =>
            TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "The instance's state does not allow this"),
        _ => null,
    };
}

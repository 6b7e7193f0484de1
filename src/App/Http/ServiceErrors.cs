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

/// <summary>
/// Turns the app services' exceptions into ProblemDetails for the endpoints it is added to:
/// 400 naming the fields, 403, 404, 409. Forms catch the same exceptions and show them next to the fields.
/// </summary>
internal sealed class ServiceErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ToProblem(ex) is { } problem)
        {
            return problem;
        }
    }

    internal static IResult? ToProblem(Exception exception) => exception switch
    {
        RequestValidationException invalid => ValidationErrors.Problem(invalid.Errors),
        ForbiddenException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        NotFoundException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        ConflictException => TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
        _ => null,
    };
}

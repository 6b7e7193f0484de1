using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PepFunctions.App.Http;

namespace PepFunctions.App.Web;

/// <summary>
/// A page that loads something the signed-in staff member may not see, or that does not exist, answers 403
/// or 404, and a request to a handler the page does not have answers 400; the status page (<c>/status/{code}</c>)
/// then explains it in the page's language. Forms handle
/// their own validation and conflict errors (<see cref="StaffPageModel.TrySubmitAsync"/>).
/// </summary>
internal sealed class ServiceExceptionPageFilter(ILogger<ServiceExceptionPageFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            // Every page has handlers for the methods its function accepts, so none selected means a form posted to a
            // handler the page does not have (?handler=…): the caller's mistake, not a page to render half-loaded.
            logger.LogInformation("{Method} {Path} refused: no such handler", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        var executed = await next();
        if (executed.Exception is { } exception && StatusFor(exception) is { } status)
        {
            logger.LogInformation("{Method} {Path} refused: {ErrorType}", context.HttpContext.Request.Method, context.HttpContext.Request.Path, exception.GetType().Name);
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(status);
        }
    }

    private static int? StatusFor(Exception exception) => exception switch
    {
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        _ => null,
    };
}

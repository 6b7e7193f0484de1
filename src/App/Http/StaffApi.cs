using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Http;

/// <summary>
/// What every JSON API function does around its own work, in the function itself so that the Functions host and
/// the local runner run it alike: sign-in (the staff cookie, or the platform's principal in Azure), 401 for a
/// visitor who is not signed in, the services' exceptions as ProblemDetails (400 naming the fields, 403, 404, 409), and a
/// storage outage as 503 with <c>Retry-After</c> (<see cref="StorageOutage"/>); and the API's security headers (<see cref="Hosting.SecurityHeaders"/>).
/// </summary>
/// <remarks>
/// The work returns an ASP.NET Core <see cref="IResult"/> (<c>TypedResults</c>), which the function answers as an
/// <see cref="IActionResult"/>. Anything else thrown is a bug and propagates (500).
/// </remarks>
public sealed class StaffApi
{
    /// <summary>Runs <paramref name="work"/> for the signed-in staff member; 401 ProblemDetails when nobody is signed in.</summary>
    public Task<IActionResult> RunAsync(HttpRequest request, Func<StaffMember, CancellationToken, Task<IResult>> work) =>
        RunAnonymousAsync(request, async cancellationToken => await SignedInAsync(request.HttpContext) is { } staff
            ? await work(staff, cancellationToken)
            : TypedResults.Problem("Sign in as staff first (POST /api/session, or the platform's sign-in).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in"));

    /// <summary>
    /// Runs <paramref name="work"/> for a signed-in <see cref="StaffRole.Administrator"/>: 401 ProblemDetails when nobody
    /// is signed in, 403 for any other role.
    /// </summary>
    public Task<IActionResult> RunAsAdministratorAsync(HttpRequest request, Func<StaffMember, CancellationToken, Task<IResult>> work) =>
        RunAsync(request, (staff, cancellationToken) => staff.Role == StaffRole.Administrator
            ? work(staff, cancellationToken)
            : throw new ForbiddenException("Only an administrator may do this."));

    /// <summary>Runs <paramref name="work"/> without sign-in (health, the sign-in itself), with the same error answers.</summary>
    public async Task<IActionResult> RunAnonymousAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> work)
    {
        ArgumentNullException.ThrowIfNull(request);
        Hosting.SecurityHeaders.ForApi(request.HttpContext);
        try
        {
            return (await work(request.HttpContext.RequestAborted)).ToActionResult();
        }
        catch (Exception ex) when (ServiceErrors.ToProblem(ex) is { } problem)
        {
            return problem.ToActionResult();
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex, request.HttpContext.RequestAborted))
        {
            return StorageOutage.Problem().ToActionResult();
        }
    }

    /// <summary>The staff member signed in on <paramref name="http"/> (also set as its user), or null.</summary>
    public static async Task<StaffMember?> SignedInAsync(HttpContext http)
    {
        if (http.User.ToStaffMember() is { } already)
        {
            return already;
        }

        var result = await http.AuthenticateAsync(StaffHosting.StaffScheme);
        if (result.Principal?.ToStaffMember() is not { } staff)
        {
            return null;
        }

        http.User = result.Principal;
        return staff;
    }
}

/// <summary>Answers an ASP.NET Core <see cref="IResult"/> from a function that returns <see cref="IActionResult"/>.</summary>
public static class ResultActions
{
    /// <summary>The <see cref="IActionResult"/> that executes <paramref name="result"/>.</summary>
    public static IActionResult ToActionResult(this IResult result) => new ResultAction(result);

    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>Sign-in for API clients (the .http walk-through, tests): <c>/api/session</c>.</summary>
public sealed class SessionFunctions(StaffApi api, StaffDirectory directory)
{
    /// <summary>Signs a demo account in with its password and sets the staff cookie; 401 for a wrong username or password.</summary>
    [Function("SignIn")]
    public Task<IActionResult> SignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/session")] HttpRequest request) =>
        api.RunAnonymousAsync(request, async cancellationToken =>
        {
            var body = await JsonBody.ReadAsync<SignInRequest>(request, cancellationToken);
            if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
            {
                return ValidationErrors.Problem(("username", "Username and password are required."));
            }

            if (!directory.CheckDemoPassword(body.Username.Trim(), body.Password)
                || await directory.FindAsync(body.Username.Trim(), cancellationToken) is not { } staff)
            {
                return TypedResults.Problem(title: "Sign-in failed", detail: "Unknown username or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            await request.HttpContext.SignInAsync(
                CookieAuthenticationDefaults.AuthenticationScheme, staff.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Ok(SessionResponse.From(staff));
        });

    /// <summary>The signed-in staff member: username, name, role and office.</summary>
    [Function("GetSession")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/session")] HttpRequest request) =>
        api.RunAsync(request, (staff, _) => Task.FromResult<IResult>(TypedResults.Ok(SessionResponse.From(staff))));

    /// <summary>Signs out: removes the staff cookie (a platform sign-in ends at the platform's own sign-out, <c>/.auth/logout</c>).</summary>
    [Function("SignOut")]
    public Task<IActionResult> SignOutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/session")] HttpRequest request) =>
        api.RunAnonymousAsync(request, async _ =>
        {
            await request.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });

    internal sealed record SignInRequest(string? Username, string? Password);

    internal sealed record SessionResponse(string Username, string DisplayName, string Role, string OfficeCode)
    {
        public static SessionResponse From(StaffMember staff) => new(staff.Username, staff.DisplayName, staff.Role.ToString(), staff.OfficeCode);
    }
}

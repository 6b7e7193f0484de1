using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Http;

namespace PepFunctions.App.Staff;

/// <summary>Sign-in for API clients (the .http walk-through, tests): <c>/api/session</c>.</summary>
internal static class SessionApi
{
    public static WebApplication MapSessionApi(this WebApplication app)
    {
        var session = app.MapGroup("/api/session").WithTags("Session");
        session.MapPost("/", SignInAsync);
        session.MapGet("/", (HttpContext http) => TypedResults.Ok(SessionResponse.From(http.Staff()))).RequireAuthorization(StaffHosting.StaffPolicy);
        session.MapDelete("/", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest request, StaffDirectory directory, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ValidationErrors.Problem(("username", "Username and password are required."));
        }

        if (!directory.CheckDemoPassword(request.Username, request.Password) || directory.Find(request.Username) is not { } staff)
        {
            return TypedResults.Problem(title: "Sign-in failed", detail: "Unknown username or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, staff.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.Ok(SessionResponse.From(staff));
    }

    internal sealed record SignInRequest(string? Username, string? Password);

    internal sealed record SessionResponse(string Username, string DisplayName, string Role, string OfficeCode)
    {
        public static SessionResponse From(Domain.StaffMember staff) => new(staff.Username, staff.DisplayName, staff.Role.ToString(), staff.OfficeCode);
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PepFunctions.App.Staff;

/// <summary>Staff sign-in: cookies for the demo accounts locally, the platform's sign-in in Azure.</summary>
internal static class StaffHosting
{
    /// <summary>The authorization policy every case endpoint and page requires.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Where pages send a visitor who is not signed in.</summary>
    public const string SignInPath = "/masuk";

    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName);
        builder.Services.AddSingleton<StaffDirectory>();
        builder.Services
            .AddAuthentication("Staff")
            .AddPolicyScheme("Staff", "Staff", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey("X-MS-CLIENT-PRINCIPAL") ? PlatformSignIn.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "pep.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.LoginPath = SignInPath;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);

                // The JSON API answers 401/403 (ProblemDetails); only pages redirect to the sign-in form.
                o.Events.OnRedirectToLogin = context => AnswerApiOr(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => AnswerApiOr(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, PlatformSignIn>(PlatformSignIn.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.Role));
        return builder;
    }

    public static WebApplication UseStaffSignIn(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static Task AnswerApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

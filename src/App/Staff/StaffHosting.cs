using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PepFunctions.App.Staff;

/// <summary>Staff sign-in: cookies for the demo accounts locally, the platform's sign-in in Azure.</summary>
internal static class StaffHosting
{
    /// <summary>
    /// The authentication scheme that signs staff in: a policy scheme that reads the platform's principal
    /// (<c>X-MS-CLIENT-PRINCIPAL</c>) when the request carries it, and the staff cookie otherwise.
    /// </summary>
    public const string StaffScheme = "Staff";

    /// <summary>The authorization policy every staff page requires (the pages authorize inside their own pipeline).</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Where pages send a visitor who is not signed in.</summary>
    public const string SignInPath = "/masuk";

    /// <summary>The application name the data protection keys are isolated by: the cookies and antiforgery tokens it protects.</summary>
    public const string DataProtectionApplicationName = "PepFunctions";

    /// <summary>
    /// Adds <see cref="StaffOptions"/>, the <see cref="StaffDirectory"/>, the <see cref="StaffScheme"/> (cookie and platform
    /// sign-in), the <see cref="StaffPolicy"/> and data protection. Services only: <c>StaffApi</c> and the pages
    /// authenticate inside each function, so the Functions host and the local runner behave alike.
    /// </summary>
    /// <remarks>
    /// Data protection encrypts the staff cookie and the antiforgery tokens. Its keys are kept in the default place
    /// (the user profile locally), which is fine for one process. In Azure, where the app scales out to several
    /// instances, every instance must read the same key ring — otherwise a cookie issued by one instance is rejected
    /// by the next — so persist the keys to shared storage (for example a blob in the app's storage account, protected
    /// with Key Vault) before running more than one instance with cookie sign-in. Staff signed in by the platform
    /// (Entra ID) do not depend on the cookie.
    /// </remarks>
    public static IHostApplicationBuilder AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName);
        builder.Services.TryAddSingleton<StaffDirectory>();
        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        builder.Services
            .AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, StaffScheme, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(PlatformSignIn.Header) ? PlatformSignIn.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "pep.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = Hosting.SecurityHeaders.IsLocalRun(builder.Configuration) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
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

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Staff;

/// <summary>Staff sign-in: cookies for the demo accounts locally, the platform's sign-in in Azure.</summary>
internal static class StaffHosting
{
    /// <summary>
    /// The authentication scheme that signs staff in: a policy scheme that reads the platform's principal
    /// (<c>X-MS-CLIENT-PRINCIPAL</c>) when the request carries it and it is trusted, and the staff cookie otherwise.
    /// </summary>
    public const string StaffScheme = "Staff";

    /// <summary>The authorization policy every staff page requires (the pages authorize inside their own pipeline).</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Where pages send a visitor who is not signed in.</summary>
    public const string SignInPath = "/masuk";

    /// <summary>The application name the data protection keys are isolated by: the cookies and antiforgery tokens it protects.</summary>
    public const string DataProtectionApplicationName = "PepFunctions";

    /// <summary>Settings that only Azure sets: either means the app runs there.</summary>
    public static readonly string[] AzureSettings = ["WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME"];

    /// <summary>
    /// Adds <see cref="StaffOptions"/> (refusing to start in the unsafe combinations), the <see cref="StaffDirectory"/> and
    /// its administration, the <see cref="StaffScheme"/> (cookie and platform sign-in), the <see cref="StaffPolicy"/> and
    /// data protection with its key ring in Blob Storage (<see cref="BlobKeyRing"/>). Services only: <c>StaffApi</c> and the
    /// pages authenticate inside each function, so the Functions host and the local runner behave alike.
    /// </summary>
    /// <remarks>
    /// Whichever way a request is signed in, the staff member is read from the directory again on that request (the
    /// platform handler reads it; the cookie is checked in <see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>),
    /// so a deactivation or a move to another office applies from the next request, whatever cookie was issued.
    /// </remarks>
    public static IHostApplicationBuilder AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>()
            .BindConfiguration(StaffOptions.SectionName)
            .Validate<IConfiguration>((o, configuration) => !o.DemoAccounts || !AzureSettings.Any(s => !string.IsNullOrEmpty(configuration[s])),
                "Staff:DemoAccounts is on while the app runs in Azure (WEBSITE_INSTANCE_ID or WEBSITE_SITE_NAME is set): the demo accounts are for local runs only.")
            .Validate(o => !(o.DemoAccounts && o.TrustPlatformHeaders),
                "Staff:DemoAccounts and Staff:TrustPlatformHeaders are both on: demo accounts are for local runs, platform sign-in for Azure.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<StaffStore>();
        builder.Services.TryAddSingleton<StaffDirectory>();
        builder.Services.TryAddSingleton<StaffAdministration>();
        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).ProtectKeysWithVaultCertificate(builder.Configuration);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<Azure.Storage.Blobs.BlobServiceClient, IOptions<StorageOptions>>((o, blobs, storage) =>
            o.XmlRepository = new BlobKeyRing(blobs.GetBlobContainerClient(BlobKeyRing.ContainerName(storage.Value.TaskHubName))));
        builder.Services
            .AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, StaffScheme, o => o.ForwardDefaultSelector = SelectScheme)
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
                o.Events.OnValidatePrincipal = ReadStaffAgainAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, PlatformSignIn>(PlatformSignIn.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireClaim(StaffClaims.Role));
        return builder;
    }

    /// <summary>Whether a request is signed in through the platform (its header, trusted) rather than the staff cookie.</summary>
    public static bool IsPlatformSignIn(HttpContext http) =>
        http.Request.Headers.ContainsKey(PlatformSignIn.Header)
        && PlatformSignIn.IsTrusted(http.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value, http.RequestServices.GetRequiredService<IConfiguration>());

    /// <remarks>
    /// Where the platform's header is trusted (Azure), the platform is the only way in: the cookie scheme is never asked, so a
    /// cookie — even one minted with the key ring — signs nobody in.
    /// </remarks>
    private static string SelectScheme(HttpContext http) =>
        http.Request.Headers.ContainsKey(PlatformSignIn.Header) || PlatformSignIn.IsTrusted(
            http.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value, http.RequestServices.GetRequiredService<IConfiguration>())
            ? PlatformSignIn.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The cookie names the staff member; what they may do now is read from the directory on every request.</summary>
    private static async Task ReadStaffAgainAsync(CookieValidatePrincipalContext context)
    {
        var directory = context.HttpContext.RequestServices.GetRequiredService<StaffDirectory>();
        if (context.Principal?.Identity?.Name is not { } username
            || await directory.FindAsync(username, context.HttpContext.RequestAborted) is not { } staff)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(staff.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
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

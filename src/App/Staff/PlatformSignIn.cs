using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Staff;

/// <summary>
/// Azure App Service / Functions authentication ("Easy Auth", with Entra ID): the platform signs the user in and passes
/// them as the <c>X-MS-CLIENT-PRINCIPAL</c> header; this handler finds them in the <see cref="StaffDirectory"/> on every
/// request — by the Entra object id once bound, so a renamed account stays the same person.
/// </summary>
/// <remarks>
/// The header is believed only when <c>Staff:TrustPlatformHeaders</c> is on <b>and</b> the platform's authentication is
/// (<c>WEBSITE_AUTH_ENABLED=True</c>, which App Service sets): only then does the platform strip the header from clients'
/// requests and set it itself. Otherwise it is ignored, and that is logged once per process.
/// </remarks>
internal sealed class PlatformSignIn(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder,
    StaffDirectory directory, IOptions<StaffOptions> staffOptions, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication scheme's name.</summary>
    public const string SchemeName = "Platform";

    /// <summary>The header the platform passes the signed-in user in.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The setting App Service sets to <c>True</c> when its authentication is on.</summary>
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The one claim the sign-in name is taken from (Entra ID's <c>preferred_username</c>).</summary>
    public const string UsernameClaim = "preferred_username";

    /// <summary>The claim that carries the Entra object id.</summary>
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The claim that carries the Entra tenant id.</summary>
    public const string TenantIdClaim = "http://schemas.microsoft.com/identity/claims/tenantid";

    private static int _ignoredLogged;

    /// <summary>Whether the platform's header is to be believed: trusted by the settings, and the platform's sign-in on.</summary>
    public static bool IsTrusted(StaffOptions options, IConfiguration configuration) =>
        options.TrustPlatformHeaders && string.Equals(configuration[AuthEnabledSetting], "True", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var encoded))
        {
            return AuthenticateResult.NoResult();
        }

        if (!IsTrusted(staffOptions.Value, configuration))
        {
            if (Interlocked.Exchange(ref _ignoredLogged, 1) == 0)
            {
                Logger.LogWarning("A request carried {Header}, which is ignored: it is believed only with Staff:TrustPlatformHeaders on and {Setting}=True",
                    Header, AuthEnabledSetting);
            }

            return AuthenticateResult.NoResult();
        }

        string? username, objectId, tenantId;
        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded.ToString())));
            var claims = principal.RootElement.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString())).ToList();
            // One claim, documented: the sign-in name is Entra's preferred_username (the UPN for work accounts), never a fallback to another.
            username = claims.FirstOrDefault(c => c.Type is UsernameClaim).Value;
            objectId = claims.FirstOrDefault(c => c.Type is ObjectIdClaim or "oid").Value;
            tenantId = claims.FirstOrDefault(c => c.Type is TenantIdClaim or "tid").Value;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return AuthenticateResult.Fail("The platform principal header is malformed.");
        }

        return await directory.SignInPlatformAsync(username, objectId, tenantId, Context.RequestAborted) is { } staff
            ? AuthenticateResult.Success(new AuthenticationTicket(staff.ToPrincipal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("The signed-in user is not an active member of the staff directory.");
    }
}

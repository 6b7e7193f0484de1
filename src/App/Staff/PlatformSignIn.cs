using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PepFunctions.App.Staff;

/// <summary>
/// Azure App Service / Functions authentication ("Easy Auth", with Entra ID): the platform signs the
/// user in and passes them as the <c>X-MS-CLIENT-PRINCIPAL</c> header; this handler turns that into a
/// staff member from the <see cref="StaffDirectory"/>. The header is trusted only when
/// <c>Staff:TrustPlatformHeaders</c> is set, i.e. behind the platform, which strips it from client requests.
/// </summary>
internal sealed class PlatformSignIn(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder,
    StaffDirectory directory, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication scheme's name.</summary>
    public const string SchemeName = "Platform";
    /// <summary>The header the platform passes the signed-in user in.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!configuration.GetValue<bool>("Staff:TrustPlatformHeaders") || !Request.Headers.TryGetValue(Header, out var encoded))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded.ToString())));
            var claims = principal.RootElement.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString()));
            var username = claims.FirstOrDefault(c => c.Type is "preferred_username" or ClaimTypes.Upn or ClaimTypes.Email).Value;
            if (username is null || directory.Find(username) is not { } staff)
            {
                return Task.FromResult(AuthenticateResult.Fail("The signed-in user is not in the staff directory."));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(staff.ToPrincipal(SchemeName), SchemeName)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The platform principal header is malformed."));
        }
    }
}

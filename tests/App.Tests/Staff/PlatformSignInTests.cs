using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Staff;

/// <summary>In Azure, App Service authentication (Entra ID) signs the user in and passes them as <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
public sealed class PlatformSignInTests(PlatformSignInTests.TrustingApp app) : IClassFixture<PlatformSignInTests.TrustingApp>
{
    [Fact]
    public async Task Session_TrustedPlatformPrincipalOfKnownStaff_IsThatStaffMember()
    {
        using var response = await app.App.Http.SendAsync(SessionRequest("lapas.kupang"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("lapas.kupang", "LapasOfficer", "LPP-KUPANG"),
            (session.GetProperty("username").GetString(), session.GetProperty("role").GetString(), session.GetProperty("officeCode").GetString()));
    }

    [Fact]
    public async Task Session_PlatformPrincipalOfUnknownUser_Returns401()
    {
        using var response = await app.App.Http.SendAsync(SessionRequest("someone.else@example.org"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A <c>GET /api/session</c> carrying the platform's principal for <paramref name="username"/>.</summary>
    internal static HttpRequestMessage SessionRequest(string username)
    {
        var principal = JsonSerializer.Serialize(new { auth_typ = "aad", claims = new[] { new { typ = "preferred_username", val = username } } });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));
        return request;
    }

    /// <summary>The demo accounts, with the platform's headers trusted (<c>Staff:TrustPlatformHeaders</c>).</summary>
    public sealed class TrustingApp : FeatureApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, Set("Staff:TrustPlatformHeaders", "true")];
    }
}

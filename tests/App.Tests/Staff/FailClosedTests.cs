using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Staff;

/// <summary>Sign-in fails closed: unsafe settings stop the app from starting, and the platform's header is believed only behind the platform.</summary>
public sealed partial class FailClosedTests
{
    [Theory]
    [InlineData("WEBSITE_SITE_NAME", "func-pep-prod")]
    [InlineData("WEBSITE_INSTANCE_ID", "0123456789abcdef")]
    public async Task Start_DemoAccountsInAzure_Refuses(string azureSetting, string value)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync([new("Staff:DemoAccounts", "true"), new(azureSetting, value)]));

        Assert.Contains("Staff:DemoAccounts is on while the app runs in Azure", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DemoAccountsAndPlatformHeaders_Refuses()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestApp.StartAsync([new("Staff:DemoAccounts", "true"), new("Staff:TrustPlatformHeaders", "true")]));

        Assert.Contains("Staff:DemoAccounts and Staff:TrustPlatformHeaders are both on", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_TrustSettingWithoutPlatformAuthentication_HeaderIsIgnored()
    {
        var administrator = PlatformPrincipal.New("boss@kemenkumham.example");
        await using var app = await TestApp.StartAsync(
            [new("Staff:TrustPlatformHeaders", "true"), new("Staff:BootstrapAdministrators", administrator.Username)]);
        using var client = administrator.ClientFor(app.Http.BaseAddress!);

        using var response = await client.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_SignedInThroughThePlatform_EndsAtThePlatformsSignOut()
    {
        var administrator = PlatformPrincipal.New("boss@kemenkumham.example");
        await using var app = await TestApp.StartAsync(
        [
            new("Staff:TrustPlatformHeaders", "true"), new("WEBSITE_AUTH_ENABLED", "True"), new("Staff:BootstrapAdministrators", administrator.Username),
        ]);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Http.BaseAddress };
        http.DefaultRequestHeaders.Add(PlatformPrincipal.Header, administrator.Encoded());
        using var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var token = TokenField().Match(await home.Content.ReadAsStringAsync()).Groups["token"].Value;
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/keluar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        signOut.Headers.Add("Cookie", string.Join("; ", home.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        using var response = await http.SendAsync(signOut);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/.auth/logout?post_logout_redirect_uri=%2Fmasuk", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>With the demo accounts (a cookie sign-in), a change to the record applies to the cookie already issued.</summary>
public sealed class CookieSignInTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task Cases_CookieOfADeactivatedAccount_Returns401()
    {
        using var admin = await app.SignInAsync("admin");
        using var lapas = await app.SignInAsync("lapas.kupang");
        Assert.Equal(HttpStatusCode.OK, (await lapas.GetAsync("/api/cases")).StatusCode);

        using var deactivated = await admin.PutAsJsonAsync("/api/staff/lapas.kupang", StaffDirectoryTests.Record("lapas.kupang", StaffRole.LapasOfficer, Offices.LppKupang, active: false));
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await lapas.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Session_CookieOfAMovedAccount_HasTheNewOffice()
    {
        using var admin = await app.SignInAsync("admin");
        using var kalabahi = await app.SignInAsync("lapas.kalabahi");

        using var moved = await admin.PutAsJsonAsync("/api/staff/lapas.kalabahi",
            StaffDirectoryTests.Record("lapas.kalabahi", StaffRole.LapasOfficer, Offices.LppKupang, supervisor: "kanwil.ntt"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var session = await kalabahi.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/session");
        Assert.Equal(Offices.LppKupang, session.GetProperty("officeCode").GetString());
    }
}

using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class SignInPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task SignIn_DemoAccount_RedirectsHomeSignedIn()
    {
        using var session = new StaffSession(_app);

        var (response, _) = await session.SubmitAsync("/masuk", "form", ("Username", "lapas.kupang"), ("Password", StaffSession.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var (home, page) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Maria", page.QuerySelector(".who")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        using var session = new StaffSession(_app);

        var (response, page) = await session.SubmitAsync("/masuk", "form", ("Username", "lapas.kupang"), ("Password", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Nama pengguna atau kata sandi salah.", page.QuerySelector("p.error")?.TextContent.Trim());
        var (home, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignInPage_DemoAccountsOn_ListsThem()
    {
        using var session = new StaffSession(_app);

        var (_, page) = await session.GetAsync("/masuk");

        var listed = page.QuerySelectorAll("table.list code").Select(code => code.TextContent).ToList();
        Assert.Contains("lapas.kupang", listed);
        Assert.Contains("kurator", listed);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/kasus/baru")]
    [InlineData("/kasus/case-lpp-kupang-wbp-1")]
    [InlineData("/notifikasi")]
    public async Task Page_NotSignedIn_RedirectsToSignIn(string path)
    {
        using var session = new StaffSession(_app);

        var (response, _) = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("http://", location, StringComparison.Ordinal);
        Assert.Equal("/masuk", new Uri(location).AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Returns400AndSignsNobodyIn()
    {
        using var session = new StaffSession(_app);
        await session.GetAsync("/masuk");

        var (response, _) = await session.PostAsync("/masuk", [new("Username", "lapas.kupang"), new("Password", StaffSession.DemoPassword)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(session.Cookies.GetAllCookies(), cookie => cookie.Name == "pep.staff");
    }

    [Fact]
    public async Task SignOut_SignedIn_EndsTheSession()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");

        var (response, _) = await session.SubmitAsync("/", "form.signout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (home, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Stylesheet_IsServed()
    {
        using var session = new StaffSession(_app);

        var response = await session.Http.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ol.timeline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_PlatformHeaderWithoutTrustSetting_IsIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add(Staff.PlatformPrincipal.Header, Staff.PlatformPrincipal.New("lapas.kupang").Encoded());
        using var response = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

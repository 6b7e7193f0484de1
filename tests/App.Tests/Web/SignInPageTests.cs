using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class SignInPageTests
{
    private static Task<TestApp> StartAsync() => TestApp.StartAsync("--Staff:DemoAccounts=true");

    [Fact]
    public async Task SignIn_DemoAccount_RedirectsHomeSignedIn()
    {
        await using var app = await StartAsync();
        using var session = new StaffSession(app);

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
        await using var app = await StartAsync();
        using var session = new StaffSession(app);

        var (response, page) = await session.SubmitAsync("/masuk", "form", ("Username", "lapas.kupang"), ("Password", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Nama pengguna atau kata sandi salah.", page.QuerySelector("p.error")?.TextContent.Trim());
        var (home, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignInPage_DemoAccountsOn_ListsThem()
    {
        await using var app = await StartAsync();
        using var session = new StaffSession(app);

        var (_, page) = await session.GetAsync("/masuk");

        var listed = page.QuerySelectorAll("table.list code").Select(code => code.TextContent).ToList();
        Assert.Contains("lapas.kupang", listed);
        Assert.Contains("kurator", listed);
    }

    [Fact]
    public async Task SignInPage_DemoAccountsOff_ListsNoneAndRefusesDemoPassword()
    {
        await using var app = await TestApp.StartAsync();
        using var session = new StaffSession(app);

        var (response, page) = await session.SubmitAsync("/masuk", "form", ("Username", "lapas.kupang"), ("Password", StaffSession.DemoPassword));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("table.list"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/kasus/baru")]
    [InlineData("/kasus/case-lpp-kupang-wbp-1")]
    [InlineData("/notifikasi")]
    public async Task Page_NotSignedIn_RedirectsToSignIn(string path)
    {
        await using var app = await StartAsync();
        using var session = new StaffSession(app);

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
        await using var app = await StartAsync();
        using var session = new StaffSession(app);
        await session.GetAsync("/masuk");

        var (response, _) = await session.PostAsync("/masuk", [new("Username", "lapas.kupang"), new("Password", StaffSession.DemoPassword)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(session.Cookies.GetAllCookies(), cookie => cookie.Name == "pep.staff");
    }

    [Fact]
    public async Task SignOut_SignedIn_EndsTheSession()
    {
        await using var app = await StartAsync();
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");

        var (response, _) = await session.SubmitAsync("/", "form.signout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (home, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Stylesheet_IsServed()
    {
        await using var app = await StartAsync();
        using var session = new StaffSession(app);

        var response = await session.Http.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ol.timeline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

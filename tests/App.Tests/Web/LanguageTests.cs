using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class LanguageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task SignInPage_Default_IsInIndonesian()
    {
        using var session = new StaffSession(_app);

        var (_, page) = await session.GetAsync("/masuk");

        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Kata sandi", page.QuerySelector("label[for=Password]")?.TextContent);
    }

    [Fact]
    public async Task LangEn_SwitchesLabelsAndSticksForLaterPages()
    {
        using var session = new StaffSession(_app);

        var (_, english) = await session.GetAsync("/masuk?lang=en");
        var (_, next) = await session.GetAsync("/masuk");
        var (_, back) = await session.GetAsync("/masuk?lang=id");

        Assert.Equal("Password", english.QuerySelector("label[for=Password]")?.TextContent);
        Assert.Equal("en", next.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", next.QuerySelector("h1")?.TextContent);
        Assert.Equal("Masuk", back.QuerySelector("h1")?.TextContent);
    }
}

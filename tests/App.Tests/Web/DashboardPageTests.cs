using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class DashboardPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Dashboard_KanwilOfTheProvince_CountsItsUptsAndDrawsTheChart()
    {
        using var kupang = await StaffSession.SignInAsync(_app, "lapas.kupang");
        await CasePageTests.EnrolAsync(kupang, "WBP-2025-0401");
        await CasePageTests.EnrolAsync(kupang, "WBP-2025-0402");
        using var tangerang = await StaffSession.SignInAsync(_app, "lapas.tangerang");
        await CasePageTests.EnrolAsync(tangerang, "WBP-2025-0403");
        using var kanwil = await StaffSession.SignInAsync(_app, "kanwil.ntt");

        var (response, page) = await kanwil.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Dasbor: Provinsi Nusa Tenggara Timur", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("2", page.QuerySelector(".figures .figure b")?.TextContent);
        var chart = page.QuerySelector("#stages svg.chart");
        Assert.NotNull(chart);
        Assert.Equal("WBP per tahap", chart!.GetAttribute("aria-label"));
        Assert.Equal(Enum.GetValues<Domain.PipelineStage>().Length, chart.QuerySelectorAll("rect").Length);
        Assert.NotNull(page.QuerySelector("a[href='/api/cases.csv']"));
        Assert.NotNull(page.QuerySelector("a[href='/api/follow-ups.csv']"));
        var offices = page.QuerySelectorAll("select#kantor option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("LPP-KUPANG", offices);
        Assert.DoesNotContain("LPP-TANGERANG", offices);
    }

    [Fact]
    public async Task Dashboard_AnotherProvincesOffice_IsRefused()
    {
        using var kanwil = await StaffSession.SignInAsync(_app, "kanwil.ntt");

        var (response, _) = await kanwil.GetAsync("/?kantor=LPP-TANGERANG");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_English_ShowsEnglishLabels()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");

        var (_, page) = await session.GetAsync("/?lang=en");

        Assert.Equal("Dashboard: Lapas Perempuan Kelas IIB Kupang", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("People reached", page.QuerySelector(".figures .figure span")?.TextContent);
        Assert.Equal("Sign out", page.QuerySelector("form.signout button")?.TextContent);
    }
}

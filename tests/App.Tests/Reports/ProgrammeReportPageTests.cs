using System.Net;
using PepFunctions.App.Tests.Web;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Reports;

/// <summary>The report page <c>/laporan</c>: the walk's figures with charts, in Bahasa Indonesia, and only the scopes the access table allows.</summary>
public sealed class ProgrammeReportPageTests(ProgrammeReportTests.Walk walk) : IClassFixture<ProgrammeReportTests.Walk>
{
    [Fact]
    public async Task Page_KanwilOfTheProvince_ShowsTheFiguresWithChartsAndTheWorkbookLink()
    {
        using var kanwil = await StaffSession.SignInAsync(walk.App, "kanwil.ntt");

        var (response, page) = await kanwil.GetAsync($"/laporan?scope={Offices.KanwilNtt}&from={walk.From}&to={walk.To}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Laporan program", page.QuerySelector("h1")?.TextContent);
        var people = page.QuerySelectorAll("svg.chart").First();
        Assert.Contains("Terdaftar: 2", people.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Keluar dari program: 1", people.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href^='/api/reports/programme.xlsx?scope={Offices.KanwilNtt}']"));
        var scopes = page.QuerySelectorAll("select[name=scope] option").Select(o => o.GetAttribute("value")).ToHashSet();
        Assert.Contains(Offices.KanwilNtt, scopes);
        Assert.Contains(Offices.BapasKupang, scopes);
        Assert.DoesNotContain(page.QuerySelectorAll("select[name=scope] option"), o => o.GetAttribute("value") is "NATIONAL" or Offices.LppTangerang);
    }

    [Fact]
    public async Task Page_ScopeOfAnotherProvince_Is403()
    {
        using var lapas = await StaffSession.SignInAsync(walk.App, "lapas.kupang");

        var (response, _) = await lapas.GetAsync($"/laporan?scope={Offices.KanwilBanten}&from={walk.From}&to={walk.To}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Page_BadMonths_ShowsWhatIsWrongInBahasaIndonesia()
    {
        using var lapas = await StaffSession.SignInAsync(walk.App, "lapas.kupang");

        var (response, page) = await lapas.GetAsync($"/laporan?scope={Offices.LppKupang}&from=2026-13&to={walk.To}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Isi bulan awal (tahun-bulan).", page.Body?.TextContent, StringComparison.Ordinal);
    }
}

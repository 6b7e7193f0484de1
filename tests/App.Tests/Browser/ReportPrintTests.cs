using OpenQA.Selenium;
using PepFunctions.App.Tests.Reports;
using PepFunctions.Domain;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Browser;

/// <summary>The report page as it prints: the figures and charts on an A4 page's width, no menus or forms.</summary>
public sealed class ReportPrintTests(ProgrammeReportTests.Walk walk, ITestOutputHelper output) : IClassFixture<ProgrammeReportTests.Walk>
{
    /// <summary>An A4 page's printable width at 96 px per inch: 210 mm less the 15 mm margins of the print style.</summary>
    private const int A4PrintableWidth = 680;

    [Fact]
    public void Report_PrintedOnA4_ShowsTheFiguresWithoutMenusOrFormsWithinThePageWidth()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        using var chromium = Chromium.Start(A4PrintableWidth, 1100);
        var driver = chromium.Driver;
        var site = walk.App.Http.BaseAddress!.ToString().TrimEnd('/');
        chromium.SignIn(site, "kanwil.ntt");
        driver.Navigate().GoToUrl($"{site}/laporan?scope={Offices.KanwilNtt}&from={walk.From}&to={walk.To}");
        chromium.WaitUntil(d => d.FindElements(By.CssSelector("svg.chart")).Count > 0, "the report's charts");

        driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        chromium.Screenshot("browser-report-print");

        Assert.False(driver.FindElement(By.CssSelector("nav.menu")).Displayed, "The menu prints.");
        Assert.False(driver.FindElement(By.CssSelector("form.report-query")).Displayed, "The report's form prints.");
        Assert.True(driver.FindElement(By.CssSelector(".report svg.chart")).Displayed, "The charts do not print.");
        chromium.AssertFitsTheWidth("The printed report");
    }
}

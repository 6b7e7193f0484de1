using OpenQA.Selenium;
using PepFunctions.App.Tests.Catalogue;
using PepFunctions.Domain;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Browser;

/// <summary>A visitor, not signed in, filters the public catalogue on a phone.</summary>
public sealed class CataloguePageTests(CatalogueApp app, ITestOutputHelper output) : IClassFixture<CatalogueApp>
{
    [Fact]
    public async Task Catalogue_VisitorFiltersByCategoryOnAPhone_SeesTheMatchesWithoutSideScrolling()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Selendang tenun ikat motif Amarasi dari Kupang", "Textile", promotion: true, photo: true);
        await app.CuratedProductAsync(Offices.LppTangerang, "lapas.tangerang", "Keripik singkong pedas", "Food", promotion: true);

        using var chromium = Chromium.Start(360, 800);
        var driver = chromium.Driver;
        var site = app.App.Http.BaseAddress!.ToString().TrimEnd('/');
        driver.Navigate().GoToUrl(site + "/katalog");
        chromium.WaitUntil(d => d.FindElements(By.CssSelector("ul.catalogue li")).Count >= 2, "both products");
        driver.FindElement(By.CssSelector("select[name=category] option[value=Food]")).Click();
        driver.FindElement(By.CssSelector("form.filters button[type=submit]")).Click();
        chromium.WaitUntil(d => d.Url.Contains("category=Food", StringComparison.Ordinal), "the filtered page");
        chromium.Screenshot("browser-phone-catalogue");

        var names = driver.FindElements(By.CssSelector("ul.catalogue h2")).Select(e => e.Text).ToList();
        Assert.Contains("Keripik singkong pedas", names);
        Assert.DoesNotContain("Selendang tenun ikat motif Amarasi dari Kupang", names);
        Assert.Equal("id", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        chromium.AssertFitsTheWidth("The catalogue");
    }
}

using OpenQA.Selenium;
using PepFunctions.App.Tests.Support;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Browser;

/// <summary>A Lapas officer's first walk through the pages, in a real headless Chromium on a phone-sized window.</summary>
public sealed class EnrolAndAssessTests(FeatureApp fixture, ITestOutputHelper output) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task SignInEnrolAndAssess_OnAPhone_ShowsTheRecommendation()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        using var chromium = Chromium.Start(400, 900);
        var driver = chromium.Driver;
        var site = fixture.App.Http.BaseAddress!.ToString().TrimEnd('/');

        driver.Navigate().GoToUrl(site + "/");
        Assert.EndsWith("/masuk", new Uri(driver.Url).AbsolutePath, StringComparison.Ordinal);
        chromium.Screenshot("browser-phone-1-sign-in");
        driver.FindElement(By.Id("Username")).SendKeys("lapas.kupang");
        driver.FindElement(By.Id("Password")).SendKeys("pep-demo");
        driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        chromium.WaitUntil(d => d.FindElement(By.CssSelector(".who")).Text.Contains("Maria", StringComparison.Ordinal), "the signed-in name");

        driver.Navigate().GoToUrl(site + "/kasus/baru");
        driver.FindElement(By.Id("Enrol_RegistrationNumber")).SendKeys("WBP-2025-0301");
        driver.FindElement(By.Id("Enrol_FullName")).SendKeys("Martha Lenggu");
        SetDate(driver, "Enrol_ExpectedReleaseDate", "2027-06-30");
        driver.FindElement(By.CssSelector("input[name='Enrol.Consent'][value=Programme]")).Click();
        driver.FindElement(By.CssSelector("input[name='Enrol.Consent'][value=ShareWithMentors]")).Click();
        chromium.Screenshot("browser-phone-2-enrol");
        driver.FindElement(By.CssSelector("form#enrol button[type=submit]")).Click();

        chromium.WaitUntil(d => d.FindElements(By.CssSelector("form#assessment")).Count > 0, "the assessment form", reload: true);
        Assert.Contains("Martha Lenggu", driver.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);
        chromium.Screenshot("browser-phone-3-person");

        driver.FindElement(By.CssSelector("input[name='Assessment.Interests'][value=FoodProcessing]")).Click();
        driver.FindElement(By.CssSelector("input[name='Assessment.Interests'][value=Snacks]")).Click();
        driver.FindElement(By.CssSelector("input[name='Assessment.PriorSkills'][value=FoodProcessing]")).Click();
        driver.FindElement(By.CssSelector("#Assessment_Education option[value=JuniorSecondary]")).Click();
        driver.FindElement(By.CssSelector("input[name='Assessment.CanReadWrite'][value=true]")).Click();
        driver.FindElement(By.CssSelector("#Assessment_PreferredBusiness option[value=Food]")).Click();
        driver.FindElement(By.CssSelector("form#assessment button[type=submit]")).Click();

        chromium.WaitUntil(d => d.FindElements(By.CssSelector("#recommendations li")).Count > 0, "the recommendations");
        var first = driver.FindElement(By.CssSelector("#recommendations ol.recommendations > li"));
        Assert.StartsWith("Olahan pangan", first.Text, StringComparison.Ordinal);
        Assert.Contains("+30 sudah punya keterampilan Olahan pangan", first.Text, StringComparison.Ordinal);
        chromium.Screenshot("browser-phone-4-saved");
        ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById('recommendations').scrollIntoView()");
        chromium.Screenshot("browser-phone-5-recommendations");

        chromium.Resize(1280, 1000);
        driver.Navigate().GoToUrl(driver.Url);
        chromium.Screenshot("browser-desktop-person");
        Assert.Contains("Olahan pangan", driver.FindElement(By.CssSelector("section.card table.list")).Text, StringComparison.Ordinal);

        driver.Navigate().GoToUrl(site + "/");
        Assert.NotNull(driver.FindElement(By.CssSelector("#stages svg.chart")));
        chromium.Screenshot("browser-desktop-dashboard");
        chromium.Resize(400, 900);
        chromium.Screenshot("browser-phone-6-dashboard");
    }

    // A date input takes typed digits in the browser's locale order; setting the value is locale-proof.
    private static void SetDate(IWebDriver driver, string id, string isoDate) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
}

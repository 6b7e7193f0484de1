using System.Globalization;
using Azure.Data.Tables;
using OpenQA.Selenium;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Tests.Web;
using PepFunctions.Domain;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Browser;

/// <summary>A day's work through the pages at phone width (390×844): the work queue by name, errors in view, the saved state after an action.</summary>
public sealed class StaffDayTests(FeatureApp fixture, ITestOutputHelper output) : IClassFixture<FeatureApp>
{
    private const int PhoneWidth = 390;

    private const int PhoneHeight = 844;

    [Fact]
    public async Task HomePage_MentorWithAnOverdueVisit_WorkQueueNamesThePerson()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        await SeedMenteeAsync(fixture, "WBP-2025-0901", "Yohana Bessie", DateTimeOffset.UtcNow.AddDays(-2));
        await SeedMenteeAsync(fixture, "WBP-2025-0902", "Agustina Lerik", DateTimeOffset.UtcNow.AddDays(3));
        using var chromium = Chromium.Start(PhoneWidth, PhoneHeight);
        var site = fixture.App.Http.BaseAddress!.ToString().TrimEnd('/');
        chromium.SignIn(site, "mentor.kupang");

        chromium.Driver.Navigate().GoToUrl(site + "/");

        var items = chromium.Driver.FindElements(By.CssSelector("#work ol.work li")).Select(li => li.Text).ToList();
        chromium.Screenshot("staff-day-phone-mentor-work");
        Assert.Equal(2, items.Count);
        Assert.Contains("Yohana Bessie (WBP-2025-0901)", items[0], StringComparison.Ordinal);
        Assert.Contains("Terlambat", items[0], StringComparison.Ordinal);
        Assert.Contains("Agustina Lerik (WBP-2025-0902)", items[1], StringComparison.Ordinal);
        Assert.DoesNotContain("case-", chromium.Driver.FindElement(By.Id("work")).Text, StringComparison.Ordinal);
        var link = chromium.Driver.FindElement(By.CssSelector("#work ol.work li a")).GetAttribute("href");
        Assert.EndsWith("#follow-up", link, StringComparison.Ordinal);
        chromium.AssertFitsTheWidth("the mentor's home page");
    }

    [Fact]
    public async Task PersonPage_FailedAssessmentThenSaved_SummaryInViewWithFocusThenTrainingStep()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        using (var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang"))
        {
            await PersonPages.EnrolledAsync(lapas, "WBP-2025-0911");
        }

        var caseId = TestCaseIds.For(Offices.LppKupang, "WBP-2025-0911");
        using var chromium = Chromium.Start(PhoneWidth, PhoneHeight);
        var driver = chromium.Driver;
        var site = fixture.App.Http.BaseAddress!.ToString().TrimEnd('/');
        chromium.SignIn(site, "lapas.kupang");
        driver.Navigate().GoToUrl($"{site}/kasus/{caseId}");

        driver.FindElement(By.CssSelector("input[name='Assessment.CanReadWrite'][value=true]")).Click();
        ((IJavaScriptExecutor)driver).ExecuteScript("document.querySelector('form#assessment').submit()");
        chromium.WaitUntil(d => d.FindElements(By.CssSelector("#Assessment-errors")).Count > 0, "the error summary");
        chromium.Screenshot("staff-day-phone-assessment-errors");

        var summary = driver.FindElement(By.Id("Assessment-errors"));
        var (top, bottom, viewport) = Box(driver, summary);
        Assert.True(top >= 0 && top < viewport, $"The error summary starts at {top} px, outside the {viewport} px viewport.");
        Assert.True(bottom > 0, "The error summary is above the viewport.");
        var links = summary.FindElements(By.CssSelector("ul a")).Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        var focused = driver.SwitchTo().ActiveElement();
        var firstInvalid = driver.FindElement(By.CssSelector("form#assessment [aria-invalid=true]"));
        Assert.Equal(firstInvalid, focused);
        Assert.Equal("true", focused.GetAttribute("aria-invalid"));
        var describedBy = focused.GetAttribute("aria-describedby")!;
        Assert.NotEmpty(driver.FindElement(By.Id(describedBy)).Text);
        Assert.All(links, href => Assert.NotEmpty(driver.FindElements(By.Id(href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]))));

        // The summary sticks to the top of the screen over the form's start; a person scrolls a field out from under it before tapping.
        var interest = driver.FindElement(By.CssSelector("input[name='Assessment.Interests'][value=FoodProcessing]"));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'})", interest);
        interest.Click();
        driver.FindElement(By.CssSelector("#Assessment_Education option[value=JuniorSecondary]")).Click();
        driver.FindElement(By.CssSelector("#Assessment_PreferredBusiness option[value=Food]")).Click();
        driver.FindElement(By.CssSelector("form#assessment button[type=submit]")).Click();

        chromium.WaitUntil(d => d.FindElements(By.CssSelector(".saved")).Count > 0, "the confirmation");
        chromium.Screenshot("staff-day-phone-assessment-saved");
        var current = driver.FindElement(By.CssSelector("ol.stages li.current")).Text;
        Assert.StartsWith("Pelatihan", current, StringComparison.Ordinal);
        Assert.Empty(driver.FindElements(By.CssSelector("form#assessment")));
        var trainingStep = driver.FindElements(By.CssSelector("#training-step, form#batch-enrol")).Count
            + driver.FindElements(By.Id("processing")).Count;
        Assert.True(trainingStep > 0, "After the assessment the page shows neither the training step nor that it is being processed.");
    }

    private static (double Top, double Bottom, double Viewport) Box(IWebDriver driver, IWebElement element)
    {
        var values = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
            "var r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", element)!;
        var numbers = values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList();
        return (numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Writes a person in mentoring with mentor.kupang as the Cases feature writes them: the record and its office summary.</summary>
    private static async Task SeedMenteeAsync(FeatureApp app, string registrationNumber, string name, DateTimeOffset nextDueAt)
    {
        var caseId = TestCaseIds.For(Offices.LppKupang, registrationNumber);
        var now = DateTimeOffset.UtcNow;
        var record = new TableEntity(caseId, caseId)
        {
            ["OfficeCode"] = Offices.BapasKupang,
            ["LapasCode"] = Offices.LppKupang,
            ["BapasCode"] = Offices.BapasKupang,
            ["RegistrationNumber"] = registrationNumber,
            ["FullName"] = name,
            ["ExpectedReleaseDate"] = "2026-01-31",
            ["ConsentJson"] = """{"recordedBy":"test","recordedAt":"2026-01-01T00:00:00Z","scope":["Programme","ShareWithMentors"]}""",
            ["Stage"] = nameof(PipelineStage.Mentoring),
            ["NextDue"] = "follow-up",
            ["NextDueAt"] = nextDueAt,
            ["NextFollowUp"] = 1,
            ["MentorUsername"] = "mentor.kupang",
            ["CreatedBy"] = "lapas.kupang",
            ["CreatedAt"] = now,
            ["UpdatedAt"] = now,
            ["Version"] = 1L,
        };
        var summary = new TableEntity(Offices.BapasKupang, caseId)
        {
            ["RegistrationNumber"] = registrationNumber,
            ["DisplayName"] = name,
            ["Stage"] = nameof(PipelineStage.Mentoring),
            ["NextDue"] = "follow-up",
            ["NextDueAt"] = nextDueAt,
            ["MentorUsername"] = "mentor.kupang",
            ["UpdatedAt"] = now,
            ["Version"] = 1L,
        };
        var cases = app.Table("Cases");
        await cases.CreateIfNotExistsAsync();
        await cases.AddEntityAsync(record);
        var byOffice = app.Table("CasesByOffice");
        await byOffice.CreateIfNotExistsAsync();
        await byOffice.AddEntityAsync(summary);
    }
}

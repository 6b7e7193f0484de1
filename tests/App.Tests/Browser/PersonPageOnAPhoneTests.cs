using System.Globalization;
using System.Net;
using OpenQA.Selenium;
using PepFunctions.App.Tests.Cases;
using PepFunctions.Domain;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Browser;

/// <summary>A mentor's view of a released person with a capital referral to answer and a month of sales, on a phone.</summary>
public sealed class PersonPageOnAPhoneTests(CaseApp app, ITestOutputHelper output) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task PersonPage_ReferralToAnswerAndSales_FitsThePhonesWidth()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        var lapas = await app.SignInAsync("lapas.kupang");
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.AssessedCaseAsync(lapas);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release",
            new { kind = "EndOfSentence", date = CaseApp.Today, mentor = "mentor.kupang" }, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Mentoring);
        await CaseApp.PostAsync(mentor, $"/api/cases/{caseId}/referrals", new
        {
            partnerName = "Koperasi Simpan Pinjam Wanita Sejahtera Kupang Timur",
            kind = "Cooperative",
            amount = 15_000_000,
            purpose = "Mesin jahit, benang dan kain tenun ikat untuk enam bulan pertama",
        }, HttpStatusCode.Created);
        await CaseApp.PostAsync(mentor, $"/api/cases/{caseId}/sales",
            new { month = CaseApp.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture), salesRupiah = 1_250_000 }, HttpStatusCode.OK);

        using var chromium = Chromium.Start(400, 900);
        var driver = chromium.Driver;
        var site = app.App.Http.BaseAddress!.ToString().TrimEnd('/');
        chromium.SignIn(site, "mentor.kupang");
        driver.Navigate().GoToUrl($"{site}/kasus/{caseId}");
        chromium.WaitUntil(d => d.FindElements(By.CssSelector("form.answer")).Count > 0, "the referral's answer form");
        chromium.Screenshot("browser-phone-person-business");

        chromium.AssertFitsTheWidth("The person page");
    }
}

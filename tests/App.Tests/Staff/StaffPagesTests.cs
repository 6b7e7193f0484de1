using System.Globalization;
using System.Net;
using OpenQA.Selenium;
using PepFunctions.App.Tests.Browser;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Staff;

/// <summary>The staff pages in headless Chromium at phone width: add, edit with its history, and the onboarding file.</summary>
public sealed class StaffPagesTests(FeatureApp app, ITestOutputHelper output) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task StaffPages_AdministratorAddsThenMovesAMember_ListAndHistoryShowIt()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        var username = $"petugas.{Guid.NewGuid():N}@kemenkumham.example";
        using var chromium = SignedIn("admin");
        var driver = chromium.Driver;

        driver.Navigate().GoToUrl(Site + "/kelola/staf");
        driver.FindElement(By.Id("add-staff")).Click();
        chromium.WaitUntil(d => d.FindElements(By.Id("Member_Username")).Count > 0, "the add form");
        driver.FindElement(By.Id("Member_Username")).SendKeys(username);
        driver.FindElement(By.Id("Member_DisplayName")).SendKeys("Petugas Baru");
        Choose(driver, "Member_Role", nameof(StaffRole.LapasOfficer));
        Choose(driver, "Member_OfficeCode", Offices.LppKupang);
        driver.FindElement(By.Id("Member_Email")).SendKeys(username);
        driver.FindElement(By.CssSelector("form#staff button[type=submit]")).Click();
        chromium.WaitUntil(d => d.Url.Contains("saved=StaffAdded", StringComparison.Ordinal), "the list after adding");
        Assert.Contains(username, driver.FindElement(By.CssSelector("table.staff")).Text, StringComparison.Ordinal);
        AssertFitsTheScreen(driver, "staff list");

        driver.Navigate().GoToUrl($"{Site}/kelola/staf/ubah?u={Uri.EscapeDataString(username)}");
        Choose(driver, "Member_OfficeCode", Offices.LpKalabahi);
        driver.FindElement(By.CssSelector("form#staff button[type=submit]")).Click();
        chromium.WaitUntil(d => d.Url.Contains("saved=StaffChanged", StringComparison.Ordinal), "the list after saving");
        driver.Navigate().GoToUrl($"{Site}/kelola/staf/ubah?u={Uri.EscapeDataString(username)}");
        var history = driver.FindElements(By.CssSelector("#changes li"));
        Assert.Equal(2, history.Count);
        Assert.Contains("Kalabahi", history[0].Text, StringComparison.Ordinal);
        chromium.Screenshot("browser-phone-staff-edit");
        AssertFitsTheScreen(driver, "staff edit page");
    }

    [Fact]
    public async Task StaffImport_FileWithABadRow_StoresNothingAndNamesTheRow()
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        var good = $"baik.{Guid.NewGuid():N}@kemenkumham.example";
        var file = Path.Combine(Directory.CreateTempSubdirectory("pep-csv-").FullName, "staf.csv");
        await File.WriteAllTextAsync(file,
            "username,displayName,role,officeCode,supervisor,email,phone\n"
            + $"{good},Petugas Baik,LapasOfficer,{Offices.LppKupang},,{good},\n"
            + $"salah.{Guid.NewGuid():N}@kemenkumham.example,Petugas Salah,LapasOfficer,{Offices.LppKupang},,bukan-alamat,\n");
        using var chromium = SignedIn("admin");
        var driver = chromium.Driver;

        driver.Navigate().GoToUrl(Site + "/kelola/staf/impor");
        driver.FindElement(By.Id("Csv")).SendKeys(file);
        driver.FindElement(By.CssSelector("form#import button[type=submit]")).Click();
        chromium.WaitUntil(d => d.FindElements(By.Id("import-errors")).Count > 0, "the file's errors");

        var errors = driver.FindElements(By.CssSelector("#import-errors li")).Select(e => e.Text).ToList();
        Assert.StartsWith("row 3: email: ", Assert.Single(errors), StringComparison.Ordinal);
        using var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/staff/{good}")).StatusCode);
        AssertFitsTheScreen(driver, "import page");
    }

    private string Site => app.App.Http.BaseAddress!.ToString().TrimEnd('/');

    private Chromium SignedIn(string username)
    {
        var chromium = Chromium.Start(400, 900);
        chromium.SignIn(Site, username);
        return chromium;
    }

    private static void Choose(IWebDriver driver, string id, string value) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);

    private static void AssertFitsTheScreen(IWebDriver driver, string what)
    {
        var widths = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];")!;
        var (visible, content) = (Convert.ToInt32(widths.First(), CultureInfo.InvariantCulture), Convert.ToInt32(widths.Last(), CultureInfo.InvariantCulture));
        Assert.True(content <= visible, $"The {what} is {content} px wide on a {visible} px screen: it scrolls sideways.");
    }
}

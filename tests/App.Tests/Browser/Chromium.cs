using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace PepFunctions.App.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven through its chromium-driver (<c>/usr/bin/chromium</c>, <c>/usr/bin/chromedriver</c>;
/// <c>scripts/test</c> installs them). Nothing is downloaded: the driver and the browser are given by path.
/// </summary>
internal sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>Set to skip the browser tests on a machine without Chromium.</summary>
    public const string SkipVariable = "PEP_SKIP_BROWSER";

    private readonly DirectoryInfo _profile;

    private Chromium(ChromeDriver driver, DirectoryInfo profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <summary>Whether the browser tests should stand aside (<see cref="SkipVariable"/> is set).</summary>
    public static bool Skipped => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SkipVariable));

    /// <summary>Starts a headless Chromium with a fresh profile; fails the test, saying what to install, when it is missing.</summary>
    public static Chromium Start(int width, int height)
    {
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
        {
            Assert.Fail($"The browser tests need Debian's chromium and chromium-driver ({BrowserPath}, {DriverPath}): " +
                $"run 'apt-get install chromium chromium-driver' (scripts/test does), or set {SkipVariable}=1 to skip them.");
        }

        var profile = Directory.CreateTempSubdirectory("pep-chromium-");
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
            $"--window-size={width},{height}", "--lang=id");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return new Chromium(driver, profile);
    }

    /// <summary>Saves what the window shows as <c>TestResults/{name}.png</c> at the repository root; returns the path.</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(Support.RepositoryFiles.Root, "TestResults");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Signs in at <paramref name="site"/>'s sign-in form as the demo account <paramref name="username"/> and waits for the signed-in page.</summary>
    public void SignIn(string site, string username)
    {
        Driver.Navigate().GoToUrl(site.TrimEnd('/') + "/masuk");
        Driver.FindElement(By.Id("Username")).SendKeys(username);
        Driver.FindElement(By.Id("Password")).SendKeys(Support.TestApp.DemoPassword);
        Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        WaitUntil(d => d.FindElements(By.CssSelector(".who")).Count > 0, "the signed-in name");
    }

    /// <summary>Fails when the page is wider than the window, so a phone would scroll it sideways.</summary>
    public void AssertFitsTheWidth(string what)
    {
        var widths = (IReadOnlyCollection<object>)((IJavaScriptExecutor)Driver).ExecuteScript(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];")!;
        var visible = Convert.ToInt32(widths.First(), System.Globalization.CultureInfo.InvariantCulture);
        var content = Convert.ToInt32(widths.Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(content <= visible, $"{what} is {content} px wide on a {visible} px screen: it scrolls sideways.");
    }

    /// <summary>Resizes the window's viewport (the headless window has no chrome around it).</summary>
    public void Resize(int width, int height) => Driver.Manage().Window.Size = new System.Drawing.Size(width, height);

    /// <summary>Waits until <paramref name="condition"/> holds, reloading the page between tries when <paramref name="reload"/>.</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, string what, bool reload = false)
    {
        var deadline = DateTime.UtcNow + Support.TestApp.WaitLimit;
        while (!Try(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what} on {Driver.Url}.");
            }

            Thread.Sleep(100);
            if (reload)
            {
                Driver.Navigate().Refresh();
            }
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be closing a file in its profile; the temp folder is cleaned by the OS.
        }
    }

    private bool Try(Func<IWebDriver, bool> condition)
    {
        try
        {
            return condition(Driver);
        }
        catch (NoSuchElementException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chromium;
using PepFunctions.App.Tests.Cases;
using PepFunctions.Domain;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Browser;

/// <summary>
/// The mentor's field page (<c>/lapangan</c>) with the network switched off in Chromium (ChromeDriver's network
/// conditions): visits recorded offline wait on the phone, survive a reload without a connection, and arrive once when the
/// connection returns; one the server refuses meanwhile shows its reason until dismissed.
/// </summary>
public sealed class FieldOfflineTests(CaseApp app, ITestOutputHelper output) : IClassFixture<CaseApp>
{
    private const string Mentor = "mentor.kupang";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(400, 860)]
    public async Task FieldPage_VisitsRecordedOffline_ArriveOnceWhenTheNetworkReturns(int width, int height)
    {
        if (Chromium.Skipped)
        {
            output.WriteLine($"{Chromium.SkipVariable} is set: the browser test did not run.");
            return;
        }

        var lapas = await app.SignInAsync("lapas.kupang");
        var mentor = await app.SignInAsync(Mentor);
        var first = await MentoredCaseAsync(lapas);
        var second = await MentoredCaseAsync(lapas);
        var third = await MentoredCaseAsync(lapas);

        using var chromium = Chromium.Start(width, height);
        var driver = chromium.Driver;
        var site = app.App.Http.BaseAddress!.ToString().TrimEnd('/');

        // ChromeDriver's network conditions switch the page offline but not its service worker, whose background sync
        // would then send at once (the machine is online); on a phone without signal both are offline. So background sync
        // is refused to the site here, as a browser setting can, and the page's own path is tested: the 'online' event and
        // the next page load send.
        driver.ExecuteCdpCommand("Browser.setPermission", new Dictionary<string, object?>
        {
            ["permission"] = new Dictionary<string, object?> { ["name"] = "background-sync" },
            ["setting"] = "denied",
            ["origin"] = site,
        });
        chromium.SignIn(site, Mentor);
        driver.Navigate().GoToUrl($"{site}/lapangan");
        chromium.WaitUntil(d => Form(d, first, 1) is not null && Form(d, second, 1) is not null && Form(d, third, 1) is not null
            && Script(d, "return document.documentElement.dataset.offline === 'siap';") is true, "the field page kept for offline use", reload: true);
        if (width < 600)
        {
            chromium.AssertFitsTheWidth("The field page");
        }

        driver.NetworkConditions = new ChromiumNetworkConditions { IsOffline = true };
        Record(chromium, first, 1, "Tenun ikat laku di pasar");
        Record(chromium, second, 1, "Butuh modal untuk benang");
        Record(chromium, third, 1, "Dicatat juga di kantor");
        WaitForStates(chromium, states => states.Count(s => s.State == "waiting") == 3, "three visits waiting to send");

        driver.Navigate().Refresh();
        WaitForStates(chromium, states => states.Count(s => s.State == "waiting") == 3, "three visits still waiting after an offline reload");
        var shown = (IReadOnlyCollection<object>)Script(driver, "return [...document.querySelectorAll('#antrian-list li')].map(li => li.innerText);")!;
        Assert.All(shown, text => Assert.Contains("Menunggu dikirim", (string)text, StringComparison.Ordinal));
        Assert.Empty(await FollowUpsRecordedAsync(mentor, first));
        Assert.False(Form(driver, first, 1)!.Displayed, "A follow-up waiting on the phone is not offered again.");
        chromium.Screenshot($"browser-field-offline-{width}");

        // Meanwhile the third person's follow-up is recorded from the office (the phone's copy will be refused), and the
        // mentor's session ends: the visits wait for the next sign-in.
        await CaseApp.PostAsync(mentor, $"/api/cases/{third}/follow-ups/1",
            new { date = CaseApp.Today, mode = "Phone", businessStatus = "Running", incomeBand = "Below1M" }, HttpStatusCode.Accepted);
        driver.Manage().Cookies.DeleteCookieNamed("pep.staff");

        driver.NetworkConditions = new ChromiumNetworkConditions { IsOffline = false };
        WaitForStates(chromium, states => states.Count(s => s.State == "signin") == 3, "three visits waiting for the next sign-in");
        Assert.Empty(await FollowUpsRecordedAsync(mentor, first));

        chromium.SignIn(site, Mentor);
        driver.Navigate().GoToUrl($"{site}/lapangan");
        WaitForStates(chromium, states => states.Count(s => s.State == "sent") == 2 && states.Count(s => s.State == "refused") == 1,
            "two visits sent and one refused");
        var refused = driver.FindElement(By.CssSelector("#antrian-list li[data-state=refused]"));
        Assert.Equal($"{third}/1", $"{refused.GetAttribute("data-case")}/{refused.GetAttribute("data-seq")}");
        Assert.Contains("Ditolak server (409)", refused.Text, StringComparison.Ordinal);
        Assert.Contains("sudah dicatat", refused.Text, StringComparison.Ordinal);
        chromium.Screenshot($"browser-field-back-online-{width}");

        // A reload sends nothing again; the refusal stays until the mentor dismisses it.
        driver.Navigate().Refresh();
        chromium.WaitUntil(d => States(d).Count == 3, "the visits' states after a reload");
        foreach (var caseId in new[] { first, second, third })
        {
            Assert.Equal([1], await FollowUpsRecordedAsync(mentor, caseId));
            Assert.Equal(1, (await CaseApp.TimelineActionsAsync(mentor, caseId)).Count(a => a == "FollowUpRecorded"));
        }

        Assert.Equal("Phone", (await VisitAsync(mentor, third, 1)).GetProperty("mode").GetString());
        var visit = await VisitAsync(mentor, first, 1);
        Assert.Equal("Tenun ikat laku di pasar", visit.GetProperty("notes").GetString());

        driver.FindElement(By.CssSelector("#antrian-list li[data-state=refused] button.dismiss")).Click();
        chromium.WaitUntil(d => States(d).Count(s => s.State == "refused") == 0, "the refusal dismissed");

        // Signing out clears the kept page (the mentor's people) and what was sent from the phone.
        driver.FindElement(By.CssSelector("form.signout button")).Click();
        chromium.WaitUntil(d => d.Url.Contains("/masuk", StringComparison.Ordinal), "the sign-in page");
        chromium.WaitUntil(_ => Async(driver, "caches.match('/lapangan').then(kept => done(kept === undefined))") is true, "the kept field page cleared");
        Assert.Equal(0L, Async(driver, "indexedDB.open('pep-lapangan').onsuccess = e => e.target.result.transaction('kunjungan').objectStore('kunjungan').count().onsuccess = c => done(c.target.result)"));
    }

    /// <summary>Enrols, assesses and releases a person with <see cref="Mentor"/> as mentor, and waits for mentoring.</summary>
    private async Task<string> MentoredCaseAsync(HttpClient lapas)
    {
        var caseId = await app.AssessedCaseAsync(lapas);
        await CaseApp.PostAsync(lapas, $"/api/cases/{caseId}/release",
            new { kind = "EndOfSentence", date = CaseApp.Today, mentor = Mentor }, HttpStatusCode.Accepted);
        await app.WaitForStageAsync(caseId, PipelineStage.Mentoring);
        return caseId;
    }

    private static void Record(Chromium chromium, string caseId, int sequence, string notes)
    {
        var form = Form(chromium.Driver, caseId, sequence) ?? throw new InvalidOperationException($"No form for follow-up {sequence} of {caseId}.");
        form.FindElement(By.CssSelector("select[name='FollowUp.Mode'] option[value=InPerson]")).Click();
        form.FindElement(By.CssSelector("select[name='FollowUp.BusinessStatus'] option[value=Running]")).Click();
        form.FindElement(By.CssSelector("select[name='FollowUp.IncomeBand'] option[value=Below1M]")).Click();
        form.FindElement(By.CssSelector("textarea[name='FollowUp.Notes']")).SendKeys(notes);
        form.FindElement(By.CssSelector("button[type=submit]")).Click();
        chromium.WaitUntil(d => States(d).Any(s => s.Case == caseId && s.Sequence == sequence), $"follow-up {sequence} of {caseId} queued");
    }

    private static IWebElement? Form(IWebDriver driver, string caseId, int sequence) =>
        driver.FindElements(By.CssSelector($"form.visit[data-case='{caseId}'][data-seq='{sequence}']")).FirstOrDefault();

    /// <summary>The queue's items as the page shows them, read in one script (the list is redrawn as states change).</summary>
    private static List<(string Case, int Sequence, string State)> States(IWebDriver driver) =>
        [.. ((IReadOnlyCollection<object>)Script(driver,
                "return [...document.querySelectorAll('#antrian-list li')].map(li => `${li.dataset.case}|${li.dataset.seq}|${li.dataset.state}`);")!)
            .Select(o => ((string)o).Split('|'))
            .Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2]))];

    /// <summary>Waits until the queue's states satisfy <paramref name="condition"/>; a timeout says what the page showed.</summary>
    private static void WaitForStates(Chromium chromium, Func<List<(string Case, int Sequence, string State)>, bool> condition, string what)
    {
        try
        {
            chromium.WaitUntil(d => condition(States(d)), what);
        }
        catch (TimeoutException timeout)
        {
            var shown = string.Join(", ", States(chromium.Driver).Select(s => $"{s.Case}/{s.Sequence}:{s.State}"));
            throw new TimeoutException($"{timeout.Message} The queue showed: [{shown}].", timeout);
        }
    }

    /// <summary>Runs <paramref name="script"/>, which calls <c>done(result)</c>, and returns the result.</summary>
    private static object? Async(IWebDriver driver, string script) =>
        ((IJavaScriptExecutor)driver).ExecuteAsyncScript("const done = arguments[arguments.length - 1]; " + script + ";");

    private static object? Script(IWebDriver driver, string script) => ((IJavaScriptExecutor)driver).ExecuteScript(script);

    private static async Task<List<int>> FollowUpsRecordedAsync(HttpClient client, string caseId)
    {
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return [.. found.GetProperty("followUps").EnumerateArray()
            .Where(f => f.GetProperty("state").GetString() == nameof(FollowUpState.Done))
            .Select(f => f.GetProperty("sequence").GetInt32())
            .Order()];
    }

    private static async Task<JsonElement> VisitAsync(HttpClient client, string caseId, int sequence)
    {
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return found.GetProperty("followUps").EnumerateArray().First(f => f.GetProperty("sequence").GetInt32() == sequence).GetProperty("visit");
    }
}

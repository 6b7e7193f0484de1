using System.Net;
using AngleSharp.Html.Dom;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class CasePageTests
{
    [Fact]
    public async Task PersonPage_AnotherOfficesCase_IsRefused()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var kupang = await StaffSession.SignInAsync(app, "lapas.kupang");
        var caseId = await EnrolAsync(kupang, "WBP-2025-0201");
        using var tangerang = await StaffSession.SignInAsync(app, "lapas.tangerang");

        var (response, page) = await tangerang.GetAsync($"/kasus/{caseId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ana Kase", page.Body?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tidak ditemukan", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task PersonPage_KanwilOfTheProvince_SeesItWithoutLapasForms()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var kupang = await StaffSession.SignInAsync(app, "lapas.kupang");
        var caseId = await EnrolAsync(kupang, "WBP-2025-0202");
        using var kanwil = await StaffSession.SignInAsync(app, "kanwil.ntt");

        var (response, page) = await kanwil.GetAsync($"/kasus/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("form#assessment"));
        Assert.Null(page.QuerySelector("form#withdrawal"));
        Assert.NotNull(page.QuerySelector("form#transfer"));
    }

    [Fact]
    public async Task Assessment_Saved_ShowsRankedRecommendationsWithReasons()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");
        var caseId = await EnrolAsync(session, "WBP-2025-0203");
        await WaitForAsync(session, caseId, page => page.QuerySelector("ol.stages li.current")?.TextContent == "Asesmen potensi dan minat");

        var (response, page) = await session.SubmitAsync($"/kasus/{caseId}", "form#assessment",
            ("Assessment.Interests", "TenunWeaving"), ("Assessment.PriorSkills", "TenunWeaving"), ("Assessment.Education", "Primary"),
            ("Assessment.CanReadWrite", "true"), ("Assessment.PreferredBusiness", "Crafts"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = page.QuerySelector("#recommendations ol.recommendations > li");
        Assert.StartsWith("Tenun ikat", first?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("+40 stated interest in Tenun ikat", first?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form#assessment"));
    }

    [Fact]
    public async Task Assessment_NothingChosen_ShowsFieldErrorsAndKeepsTheForm()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");
        var caseId = await EnrolAsync(session, "WBP-2025-0204");
        await WaitForAsync(session, caseId, page => page.QuerySelector("ol.stages li.current")?.TextContent == "Asesmen potensi dan minat");

        var (response, page) = await session.SubmitAsync($"/kasus/{caseId}", "form#assessment");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Wajib dipilih.", StaffSession.FieldError(page, "Assessment.Education"));
        Assert.Equal("Wajib dipilih.", StaffSession.FieldError(page, "Assessment.PreferredBusiness"));
        Assert.NotNull(StaffSession.FieldError(page, "Assessment.CanReadWrite"));
        Assert.NotNull(page.QuerySelector("form#assessment"));
        Assert.Null(page.QuerySelector("#recommendations"));
    }

    internal static async Task<string> EnrolAsync(StaffSession session, string registrationNumber)
    {
        var (response, _) = await session.SubmitAsync("/kasus/baru", "form#enrol",
            ("Enrol.RegistrationNumber", registrationNumber), ("Enrol.FullName", "Ana Kase"),
            ("Enrol.ExpectedReleaseDate", "2027-03-01"), ("Enrol.Consent", "Programme"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return location["/kasus/".Length..location.IndexOf('?', StringComparison.Ordinal)];
    }

    /// <summary>Reloads the person page until <paramref name="ready"/> holds (the pipeline moves on in the background).</summary>
    internal static async Task<IHtmlDocument> WaitForAsync(StaffSession session, string caseId, Func<IHtmlDocument, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, page) = await session.GetAsync($"/kasus/{caseId}");
            if (ready(page))
            {
                return page;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page of {caseId} did not reach the expected state: {page.QuerySelector("ol.stages")?.TextContent}");
            }

            await Task.Delay(100);
        }
    }
}

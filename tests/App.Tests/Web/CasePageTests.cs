using System.Net;
using AngleSharp.Html.Dom;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Web;

public sealed class CasePageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task PersonPage_AnotherOfficesCase_IsRefused()
    {
        using var kupang = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolAsync(kupang, "WBP-2025-0201");
        using var tangerang = await StaffSession.SignInAsync(_app, "lapas.tangerang");

        var (response, page) = await tangerang.GetAsync($"/kasus/{caseId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ana Kase", page.Body?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tidak ditemukan", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task PersonPage_KanwilOfTheProvince_SeesItWithoutLapasForms()
    {
        using var kupang = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolAsync(kupang, "WBP-2025-0202");
        using var kanwil = await StaffSession.SignInAsync(_app, "kanwil.ntt");

        var (response, page) = await kanwil.GetAsync($"/kasus/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("form#assessment"));
        Assert.Null(page.QuerySelector("form#withdrawal"));
        Assert.NotNull(page.QuerySelector("form#transfer"));
    }

    [Fact]
    public async Task Assessment_Saved_ShowsRankedRecommendationsWithReasons()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolAsync(session, "WBP-2025-0203");
        await WaitForAsync(session, caseId, page => page.QuerySelector("ol.stages li.current")?.TextContent == "Asesmen potensi dan minat");

        var (response, _) = await SubmitTenunAssessmentAsync(session, caseId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/kasus/{caseId}?saved=Assessment", response.Headers.Location?.OriginalString);
        var (_, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Asesmen tersimpan.", page.QuerySelector("p.saved")?.TextContent);
        var first = page.QuerySelector("#recommendations ol.recommendations > li");
        Assert.StartsWith("Tenun ikat", first?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("+40 berminat pada Tenun ikat", first?.TextContent, StringComparison.Ordinal);
        Assert.Contains("+30 sudah punya keterampilan Tenun ikat", first?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kerajinan dan mebel", page.QuerySelector("#assessment-answers")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form#assessment"));
    }

    [Fact]
    public async Task Assessment_LaterVisit_ShowsAnswersAndReasonsInThePagesLanguage()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolAsync(session, "WBP-2025-0205");
        await WaitForAsync(session, caseId, page => page.QuerySelector("ol.stages li.current")?.TextContent == "Asesmen potensi dan minat");
        var (response, _) = await SubmitTenunAssessmentAsync(session, caseId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (_, indonesian) = await session.GetAsync($"/kasus/{caseId}");
        var (_, english) = await session.GetAsync($"/kasus/{caseId}?lang=en");

        Assert.Null(indonesian.QuerySelector("p.saved"));
        Assert.Contains("+40 berminat pada Tenun ikat",
            indonesian.QuerySelector("#recommendations ol.recommendations > li")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("SD", indonesian.QuerySelector("#assessment-answers")?.TextContent, StringComparison.Ordinal);
        var first = english.QuerySelector("#recommendations ol.recommendations > li");
        Assert.StartsWith("Ikat weaving", first?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("+40 stated interest in Ikat weaving", first?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("berminat", english.QuerySelector("#recommendations")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Primary (SD)", english.QuerySelector("#assessment-answers")?.TextContent, StringComparison.Ordinal);
        Assert.Null(english.QuerySelector("form#assessment"));
    }

    [Fact]
    public async Task Timeline_Enrolled_ShowsDetailInThePagesLanguage()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolAsync(session, "WBP-2025-0206", "Programme");
        await WaitForAsync(session, caseId, page => page.QuerySelector("ol.stages li.current")?.TextContent == "Asesmen potensi dan minat");

        var (_, indonesian) = await session.GetAsync($"/kasus/{caseId}");
        var (_, english) = await session.GetAsync($"/kasus/{caseId}?lang=en");

        Assert.Equal("Di Lapas Perempuan Kelas IIB Kupang; persetujuan: Ikut program (asesmen, pelatihan, pendampingan)",
            TimelineDetail(indonesian, "Didaftarkan"));
        Assert.StartsWith("Asesmen potensi dan minat; berikutnya: Asesmen, paling lambat ", TimelineDetail(indonesian, "Tahap berganti"), StringComparison.Ordinal);
        Assert.Equal("At Lapas Perempuan Kelas IIB Kupang; consent: Taking part (assessment, training, mentoring)",
            TimelineDetail(english, "Enrolled"));
        Assert.StartsWith("Assessment; next: Assessment by ", TimelineDetail(english, "Stage changed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessment_NothingChosen_ShowsFieldErrorsAndKeepsTheForm()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
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

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitTenunAssessmentAsync(StaffSession session, string caseId) =>
        session.SubmitAsync($"/kasus/{caseId}", "form#assessment",
            ("Assessment.Interests", "TenunWeaving"), ("Assessment.PriorSkills", "TenunWeaving"), ("Assessment.Education", "Primary"),
            ("Assessment.CanReadWrite", "true"), ("Assessment.PreferredBusiness", "Crafts"));

    /// <summary>The detail line of the first timeline entry titled <paramref name="title"/>.</summary>
    private static string? TimelineDetail(IHtmlDocument page, string title) =>
        page.QuerySelectorAll("ol.timeline > li").FirstOrDefault(item => item.QuerySelector("b")?.TextContent == title)
            ?.QuerySelector(".hint")?.TextContent;

    /// <summary>Enrols "Ana Kase" through the form, with consent to <paramref name="consent"/> (every purpose when none is named: consent is enforced).</summary>
    internal static async Task<string> EnrolAsync(StaffSession session, string registrationNumber, params string[] consent)
    {
        var (response, _) = await session.SubmitAsync("/kasus/baru", "form#enrol",
        [
            ("Enrol.RegistrationNumber", registrationNumber), ("Enrol.FullName", "Ana Kase"), ("Enrol.ExpectedReleaseDate", "2027-03-01"),
            .. (consent.Length > 0 ? consent : Enum.GetNames<ConsentPurpose>()).Select(purpose => ("Enrol.Consent", purpose)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return location["/kasus/".Length..location.IndexOf('?', StringComparison.Ordinal)];
    }

    /// <summary>Reloads the person page until <paramref name="ready"/> holds (the pipeline moves on in the background).</summary>
    internal static async Task<IHtmlDocument> WaitForAsync(StaffSession session, string caseId, Func<IHtmlDocument, bool> ready)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
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

using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class EnrolPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Enrol_ValidForm_RedirectsToThePersonPage()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");

        var (response, _) = await session.SubmitAsync("/kasus/baru", "form#enrol",
            ("Enrol.RegistrationNumber", "WBP-2025-0101"), ("Enrol.FullName", "Yuliana Bani"),
            ("Enrol.ExpectedReleaseDate", "2027-01-15"), ("Enrol.Consent", "Programme"), ("Enrol.Consent", "ShareWithMentors"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/kasus/{TestCaseIds.For("LPP-KUPANG", "WBP-2025-0101")}?saved=Enrolled", response.Headers.Location?.OriginalString);
        var (person, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Contains("Yuliana Bani", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("WBP telah didaftarkan.", page.QuerySelector(".saved")?.TextContent.Trim());
    }

    [Fact]
    public async Task Enrol_BadInput_ShowsFieldErrorsAndStoresNothing()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var listed = await ListedAsync(session);
        var instances = await _app.CountInstancesAsync();

        var (response, page) = await session.SubmitAsync("/kasus/baru", "form#enrol",
            ("Enrol.RegistrationNumber", "WBP 0101 !"), ("Enrol.FullName", ""), ("Enrol.Nik", "12345"), ("Enrol.ExpectedReleaseDate", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Periksa isian yang ditandai.", page.QuerySelector("p.error")?.TextContent.Trim());
        Assert.StartsWith("Nomor registrasi hanya boleh", StaffSession.FieldError(page, "Enrol.RegistrationNumber"), StringComparison.Ordinal);
        Assert.Equal("Nama lengkap wajib diisi.", StaffSession.FieldError(page, "Enrol.FullName"));
        Assert.Equal("NIK harus tepat 16 angka, atau dikosongkan.", StaffSession.FieldError(page, "Enrol.Nik"));
        Assert.Equal("Perkiraan tanggal bebas wajib diisi.", StaffSession.FieldError(page, "Enrol.ExpectedReleaseDate"));
        Assert.Equal("Persetujuan harus mencakup ikut program.", StaffSession.FieldError(page, "Enrol.Consent"));
        // What was typed comes back, so nothing has to be typed twice.
        Assert.Equal("WBP 0101 !", page.QuerySelector("input[name='Enrol.RegistrationNumber']")?.GetAttribute("value"));
        Assert.Equal(listed, await ListedAsync(session));
        Assert.Equal(instances, await _app.CountInstancesAsync());
    }

    [Fact]
    public async Task Enrol_BadInputInEnglish_ShowsEnglishErrors()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");
        await session.GetAsync("/kasus/baru?lang=en");

        var (_, page) = await session.SubmitAsync("/kasus/baru", "form#enrol", ("Enrol.RegistrationNumber", "WBP-1"), ("Enrol.FullName", ""));

        Assert.Equal("Enrol a person", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("The full name is required.", StaffSession.FieldError(page, "Enrol.FullName"));
        Assert.Equal("Full name", page.QuerySelector("label[for='Enrol_FullName']")?.TextContent);
    }

    [Fact]
    public async Task EnrolPage_RoleThatMayNotEnrol_IsRefused()
    {
        using var session = await StaffSession.SignInAsync(_app, "pk.kupang");

        var (response, page) = await session.GetAsync("/kasus/baru");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Tidak diizinkan", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Enrol_PostWithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        using var session = await StaffSession.SignInAsync(_app, "lapas.kupang");

        var (response, _) = await session.PostAsync("/kasus/baru",
        [
            new("Enrol.OfficeCode", "LPP-KUPANG"), new("Enrol.RegistrationNumber", "WBP-2025-0102"), new("Enrol.FullName", "Tanpa Token"),
            new("Enrol.ExpectedReleaseDate", "2027-01-15"), new("Enrol.Consent", "Programme"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _app.Client.GetInstanceAsync(TestCaseIds.For("LPP-KUPANG", "WBP-2025-0102")));
        var (_, list) = await session.GetAsync("/kasus");
        Assert.DoesNotContain("Tanpa Token", list.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The rows of the signed-in officer's case list.</summary>
    private static async Task<int> ListedAsync(StaffSession session)
    {
        var (_, list) = await session.GetAsync("/kasus");
        return list.QuerySelectorAll("table.list tbody tr").Length;
    }
}

using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class EnrolPageTests
{
    [Fact]
    public async Task Enrol_ValidForm_RedirectsToThePersonPage()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");

        var (response, _) = await session.SubmitAsync("/kasus/baru", "form#enrol",
            ("Enrol.RegistrationNumber", "WBP-2025-0101"), ("Enrol.FullName", "Yuliana Bani"),
            ("Enrol.ExpectedReleaseDate", "2027-01-15"), ("Enrol.Consent", "Programme"), ("Enrol.Consent", "ShareWithMentors"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/kasus/case-lpp-kupang-wbp-2025-0101?saved=Enrolled", response.Headers.Location?.OriginalString);
        var (person, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Contains("Yuliana Bani", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("WBP telah didaftarkan.", page.QuerySelector(".saved")?.TextContent.Trim());
    }

    [Fact]
    public async Task Enrol_BadInput_ShowsFieldErrorsAndStoresNothing()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");

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
        var (_, list) = await session.GetAsync("/kasus");
        Assert.Empty(list.QuerySelectorAll("table.list tbody tr"));
        Assert.Equal(0, await app.CountInstancesAsync());
    }

    [Fact]
    public async Task Enrol_BadInputInEnglish_ShowsEnglishErrors()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");
        await session.GetAsync("/kasus/baru?lang=en");

        var (_, page) = await session.SubmitAsync("/kasus/baru", "form#enrol", ("Enrol.RegistrationNumber", "WBP-1"), ("Enrol.FullName", ""));

        Assert.Equal("Enrol a person", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("The full name is required.", StaffSession.FieldError(page, "Enrol.FullName"));
        Assert.Equal("Full name", page.QuerySelector("label[for='Enrol_FullName']")?.TextContent);
    }

    [Fact]
    public async Task EnrolPage_RoleThatMayNotEnrol_IsRefused()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "pk.kupang");

        var (response, page) = await session.GetAsync("/kasus/baru");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Tidak diizinkan", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Enrol_PostWithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        await using var app = await TestApp.StartAsync("--Staff:DemoAccounts=true");
        using var session = await StaffSession.SignInAsync(app, "lapas.kupang");

        var (response, _) = await session.PostAsync("/kasus/baru",
        [
            new("Enrol.OfficeCode", "LPP-KUPANG"), new("Enrol.RegistrationNumber", "WBP-2025-0102"), new("Enrol.FullName", "Tanpa Token"),
            new("Enrol.ExpectedReleaseDate", "2027-01-15"), new("Enrol.Consent", "Programme"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.CountInstancesAsync());
    }
}

using System.Net;
using PepFunctions.App.Tests.Cases;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>The printable export page, <c>/kasus/{caseId}/ekspor</c>.</summary>
public sealed class ExportPageTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task Get_EnrolledPerson_ShowsTheRecordInIndonesianAndAuditsIt()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var person = Person.New();
        var caseId = await CaseApp.EnrolAsync(lapas, person.Enrollment("Programme"));

        using var page = await lapas.GetAsync($"/kasus/{caseId}/ekspor");
        var html = await page.Content.ReadAsStringAsync();
        using var other = await (await app.SignInAsync("lapas.tangerang")).GetAsync($"/kasus/{caseId}/ekspor");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Data pribadi yang disimpan", html, StringComparison.Ordinal);
        Assert.Contains(person.Nik, html, StringComparison.Ordinal);
        Assert.Contains("Ikut program", html, StringComparison.Ordinal);
        Assert.Contains("Exported", await CaseApp.TimelineActionsAsync(lapas, caseId));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}

using System.Net;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Web;

/// <summary>The Pokmas Lipas pages: setting up a group, and recording an activity that shows on each participant's timeline.</summary>
public sealed class PokmasPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Group_SetUpAndActivityRecorded_ShowsOnTheGroupAndThePersonPage()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await PersonPages.EnrolledAsync(lapas, "WBP-2025-0901");

        var (created, _) = await lapas.SubmitAsync("/pokmas", "form[method=post].card",
            ("Group.Name", "Pokmas Lipas Sinar Kupang"), ("Group.OfficeCode", Offices.LppKupang), ("Group.Mentors", ""), ("Group.Members", "Ibu Ani\nBapak Yosef"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var groupPath = created.Headers.Location!.OriginalString;
        var (recorded, _) = await lapas.SubmitAsync(groupPath, "form[method=post].card",
            ("Activity.Kind", "Exhibition"), ("Activity.Place", "Pasar Oeba"), ("Activity.Participants", caseId), ("Activity.OtherAttendees", "20"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, group) = await lapas.GetAsync(recorded.Headers.Location!.OriginalString);
        Assert.Equal("Kegiatan tersimpan dan tampil di linimasa setiap peserta.", PersonPages.Saved(group));
        Assert.Contains("Pameran/bazar", group.QuerySelector("table.list")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("21", group.QuerySelector("table.list")?.TextContent, StringComparison.Ordinal);
        var (_, person) = await lapas.GetAsync($"/kasus/{caseId}");
        Assert.Contains("Ikut kegiatan Pokmas Lipas", person.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_NoNameAndAMentorOfAnotherOffice_ShowsFieldErrorsInBahasaIndonesia()
    {
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");

        var (response, page) = await pk.SubmitAsync("/pokmas", "form[method=post].card",
            ("Group.Name", ""), ("Group.OfficeCode", Offices.BapasKupang), ("Group.Mentors", "pk.kupang"), ("Group.Members", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nama kelompok wajib diisi (paling banyak 120 karakter).", StaffSession.FieldError(page, "Group.Name"));
        Assert.Equal("Bukan pendamping Pokmas Lipas UPT ini di daftar staf; tulis sebagai anggota lain dengan namanya.", StaffSession.FieldError(page, "Group.Mentors"));
    }
}

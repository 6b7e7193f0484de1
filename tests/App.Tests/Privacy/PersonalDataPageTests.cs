using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Cases;
using PepFunctions.App.Tests.Web;

namespace PepFunctions.App.Tests.Privacy;

/// <summary><c>/kasus/{caseId}/data-pribadi</c>: consent changes and corrections through the staff forms.</summary>
public sealed class PersonalDataPageTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task Correction_NewName_SavedWithTheOldValueOnlyInTheAdministratorsTrail()
    {
        var person = Person.New();
        var caseId = await CaseApp.EnrolAsync(await app.SignInAsync("lapas.kupang"), person.Enrollment());
        using var lapas = await StaffSession.SignInAsync(app.App, "lapas.kupang");

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}/data-pribadi", "form#correction", ("Correction.FullName", "Nama Baru"));
        var admin = await app.SignInAsync("admin");
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/corrections");
        using var notForOfficers = await (await app.SignInAsync("lapas.kupang")).GetAsync($"/api/cases/{caseId}/corrections");
        var timeline = await (await app.SignInAsync("lapas.kupang")).GetStringAsync($"/api/cases/{caseId}/timeline");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nama Baru", (await app.RecordAsync(caseId))!.GetString("FullName"));
        var entry = Assert.Single(trail.EnumerateArray());
        Assert.Equal(("FullName", $"{person.FirstName} {person.LastName}", "Nama Baru", "lapas.kupang"),
            (entry.GetProperty("field").GetString(), entry.GetProperty("oldValue").GetString(), entry.GetProperty("newValue").GetString(), entry.GetProperty("by").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, notForOfficers.StatusCode);
        Assert.Contains("Corrected", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain(person.FirstName, timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_WithdrawFinancingPartners_ReferralThenRefusedOnThePage()
    {
        var caseId = await CaseApp.EnrolAsync(await app.SignInAsync("lapas.kupang"), Person.New().Enrollment());
        using var lapas = await StaffSession.SignInAsync(app.App, "lapas.kupang");

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}/data-pribadi", "form#consent",
            ("Consent.Purpose", "ShareWithFinancingPartners"), ("Consent.Withdraw", "true"));
        var refused = await CaseApp.PostAsync(await app.SignInAsync("admin"), $"/api/cases/{caseId}/referrals",
            new { partnerName = "Bank NTT", kind = "KurBank", amount = 5_000_000, purpose = "Alat tenun" }, HttpStatusCode.Conflict);
        var (_, page) = await lapas.GetAsync($"/kasus/{caseId}/data-pribadi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ShareWithFinancingPartners", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("#consent-held li").Length);
    }
}

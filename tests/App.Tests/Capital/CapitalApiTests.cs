using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Capital;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Capital;

public sealed class CapitalApiTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task Answer_AcceptedThenDisbursed_MovesTheReferralAndStopsWaiting()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var referral = await SubmitAsync(pk, caseId, new { partnerName = "Bank NTT", amount = 8_000_000, purpose = "Alat tenun" });
        Assert.Equal("KurBank", referral.GetProperty("kind").GetString());
        Assert.Equal("KUR Super Mikro", referral.GetProperty("kurTier").GetProperty("name").GetString());
        Assert.Single(await WaitingAsync(caseId));
        var id = referral.GetProperty("referralId").GetString();

        var accepted = await AnswerAsync(pk, caseId, id, new { status = "Accepted" });
        var disbursed = await AnswerAsync(pk, caseId, id, new { status = "Disbursed" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disbursed.StatusCode);
        var list = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/referrals");
        Assert.Equal("Disbursed", list[0].GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, list[0].GetProperty("acceptedAt").ValueKind);
        Assert.Empty(await WaitingAsync(caseId));
    }

    [Fact]
    public async Task Answer_RejectedWithReason_StoresTheReason()
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang, "mentor.kupang");
        var id = (await SubmitAsync(mentor, caseId, new { partnerName = "Pegadaian", amount = 5_000_000, purpose = "Bahan baku" })).GetProperty("referralId").GetString();

        using var response = await AnswerAsync(mentor, caseId, id, new { status = "Rejected", reason = "Usaha belum berjalan enam bulan" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Usaha belum berjalan enam bulan", rejected.GetProperty("reason").GetString());
        Assert.Equal(0, rejected.GetProperty("nextStatuses").GetArrayLength());
        Assert.Empty(await WaitingAsync(caseId));
    }

    [Fact]
    public async Task Answer_RejectedWithoutReason_Returns400AndChangesNothing()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var id = (await SubmitAsync(pk, caseId, new { partnerName = "BRI", amount = 20_000_000, purpose = "Gerobak" })).GetProperty("referralId").GetString();

        using var response = await AnswerAsync(pk, caseId, id, new { status = "Rejected" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Submitted", (await app.PartitionAsync(CapitalTables.Referrals, caseId)).Single().GetString("Status"));
    }

    [Fact]
    public async Task Answer_DisbursedBeforeAccepted_Returns409WithTheRule()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        var id = (await SubmitAsync(pk, caseId, new { partnerName = "Bank Mandiri", amount = 50_000_000, purpose = "Kios" })).GetProperty("referralId").GetString();

        using var response = await AnswerAsync(pk, caseId, id, new { status = "Disbursed" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("A referral cannot be Disbursed before the partner has Accepted it.", problem.GetProperty("detail").GetString());
        Assert.Equal("Submitted", (await app.PartitionAsync(CapitalTables.Referrals, caseId)).Single().GetString("Status"));
    }

    [Fact]
    public async Task Submit_RegionalPartnerOfAnotherProvinceOrKurAmountTooLarge_Returns400NamingTheFields()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await app.SeedCaseAsync(Offices.BapasTangerang);

        using var response = await admin.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName = "Bank NTT", amount = 600_000_000, purpose = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Nusa Tenggara Timur", errors.GetProperty("partnerName")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Rp500.000.000", errors.GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("purpose", out _));
        Assert.Empty(await app.PartitionAsync(CapitalTables.Referrals, caseId));
        Assert.Empty(await WaitingAsync(caseId));
    }

    [Fact]
    public async Task Submit_CaseOfAnotherOffice_Returns404()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasTangerang);

        using var response = await pk.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName = "BRI", amount = 1_000_000, purpose = "Bahan" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await app.PartitionAsync(CapitalTables.Referrals, caseId));
    }

    [Fact]
    public async Task SetPermit_GrantedBeforeApplied_Returns400_ValidDatesShowInChecklist()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);

        using var invalid = await pk.PutAsJsonAsync($"/api/cases/{caseId}/permits/SppIrt", new { appliedOn = "2025-03-10", grantedOn = "2025-03-01" });
        using var valid = await pk.PutAsJsonAsync($"/api/cases/{caseId}/permits/Nib", new { appliedOn = "2025-03-01", grantedOn = "2025-03-02" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var checklist = await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/permits");
        var byKind = checklist.EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("Granted", byKind["Nib"]);
        Assert.Equal("NotApplied", byKind["SppIrt"]);
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient staff, string caseId, object request)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient staff, string caseId, string? referralId, object answer) =>
        staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referralId}/answer", answer);

    /// <summary>The case's rows in <c>ReferralsWaiting</c> (keyed <c>caseId|referralId</c>).</summary>
    private async Task<List<Azure.Data.Tables.TableEntity>> WaitingAsync(string caseId) =>
        [.. (await app.RowsAsync(CapitalTables.ReferralsWaiting)).Where(row => row.RowKey.StartsWith(caseId + "|", StringComparison.Ordinal))];
}

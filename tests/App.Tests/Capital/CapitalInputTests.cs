using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Capital;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Capital;

/// <summary>Capital input is strict: every 400 names its fields, all of a request's errors at once.</summary>
public sealed class CapitalInputTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task SubmitReferral_UnknownPartnerWithoutKindHugeAmountLongPurpose_Returns400NamingEachField()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);

        using var response = await pk.PostAsJsonAsync($"/api/cases/{caseId}/referrals",
            new { partnerName = "Koperasi Baru", amount = 99_000_000_000L, purpose = new string('x', 1_000) });

        Assert.Equal(["amount", "kind", "purpose"], (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
        Assert.Empty(await app.PartitionAsync(CapitalTables.Referrals, caseId));
    }

    [Theory]
    [InlineData("{\"partnerName\":\"Koperasi\",\"kind\":\"Bank\",\"amount\":1000,\"purpose\":\"x\"}", "kind")]
    [InlineData("{\"partnerName\":\"BRI\",\"amount\":\"lots\",\"purpose\":\"x\"}", "amount")]
    [InlineData("{\"partnerName\":\"BRI\",\"amount\":0,\"purpose\":\"x\"}", "amount")]
    public async Task SubmitReferral_BadValue_Returns400NamingTheField(string body, string field)
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);

        using var response = await pk.PostAsync($"/api/cases/{caseId}/referrals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], await ErrorsAsync(response));
    }

    [Fact]
    public async Task AnswerReferral_StatusSubmittedOrLongReason_Returns400NamingTheField()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        using var submitted = await pk.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName = "BRI", amount = 1_000_000, purpose = "Bahan" });
        var referralId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referralId").GetString();

        using var back = await pk.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referralId}/answer", new { status = "Submitted" });
        using var longReason = await pk.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referralId}/answer", new { status = "Rejected", reason = new string('x', 1_000) });

        Assert.Equal(["status"], await ErrorsAsync(back));
        Assert.Equal(["reason"], await ErrorsAsync(longReason));
        Assert.Equal("Submitted", (await app.PartitionAsync(CapitalTables.Referrals, caseId)).Single().GetString("Status"));
    }

    [Theory]
    [InlineData("a%5Cb")]
    [InlineData("a%23b")]
    public async Task SubmitReferral_CaseIdWithAKeyCharacter_Returns404NotAStorageError(string caseId)
    {
        var pk = await app.SignInAsync("pk.kupang");

        using var response = await pk.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName = "BRI", amount = 1_000_000, purpose = "Bahan" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(error => error.Name)];
    }
}

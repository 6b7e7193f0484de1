using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Privacy;

/// <summary>
/// A person mentored by a Pokmas Lipas mentor who withdrew <c>ShareWithMentors</c>, and a person who was erased: every
/// route that reads or changes a case's data refuses, not only the case record.
/// </summary>
public sealed class MentorConsentTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task CaseRoutes_MentorWithoutTheConsent_Return409AndTheListLeavesThePersonOut()
    {
        var caseId = await MenteeAsync(ConsentPurpose.Programme, ConsentPurpose.ProductPromotion);
        var mentor = await app.SignInAsync("mentor.kupang");

        using var products = await mentor.GetAsync($"/api/cases/{caseId}/products");
        using var export = await mentor.GetAsync($"/api/cases/{caseId}/export");
        var listed = await mentor.GetFromJsonAsync<JsonElement>("/api/cases");

        Assert.Equal(HttpStatusCode.Conflict, products.StatusCode);
        Assert.Contains("ShareWithMentors", await products.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
    }

    [Fact]
    public async Task CaseRoutes_MentorWithTheConsent_AreServedAndTheListHasThePerson()
    {
        var caseId = await MenteeAsync(ConsentPurpose.Programme, ConsentPurpose.ShareWithMentors);
        var mentor = await app.SignInAsync("mentor.kupang");

        using var products = await mentor.GetAsync($"/api/cases/{caseId}/products");
        var listed = await mentor.GetFromJsonAsync<JsonElement>("/api/cases");

        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
    }

    [Fact]
    public async Task CaseRoutes_ErasedPerson_Return404()
    {
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var admin = await app.SignInAsync("admin");
        var lapas = await app.SignInAsync("lapas.kupang");
        await ErasureApi.EraseAsync(admin, caseId, "Permintaan ybs.");

        using var product = await lapas.PostAsJsonAsync($"/api/cases/{caseId}/products",
            new { name = "Tenun", category = "Textile", description = "Tenun ikat", priceRupiah = 100_000 });

        Assert.Equal(HttpStatusCode.NotFound, product.StatusCode);
        Assert.Empty(await app.PartitionAsync("Products", caseId));
    }

    /// <summary>A released person at Bapas Kupang mentored by <c>mentor.kupang</c>, with the consent given.</summary>
    private async Task<string> MenteeAsync(params ConsentPurpose[] consent)
    {
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang, "mentor.kupang");
        var scope = string.Join(",", consent.Select(p => $"\"{p}\""));
        await app.Table("Cases").UpsertEntityAsync(new TableEntity(caseId, caseId)
        {
            ["ConsentJson"] = $$"""{"recordedBy":"test","recordedAt":"2026-01-01T00:00:00Z","scope":[{{scope}}]}""",
        }, TableUpdateMode.Merge);
        var summaries = app.Table("CasesByOffice");
        await summaries.CreateIfNotExistsAsync();
        await summaries.UpsertEntityAsync(new TableEntity(Offices.BapasKupang, caseId)
        {
            ["RegistrationNumber"] = "T", ["DisplayName"] = "T", ["Stage"] = nameof(PipelineStage.Mentoring),
            ["MentorUsername"] = "mentor.kupang", ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Version"] = 1L,
        });
        return caseId;
    }
}

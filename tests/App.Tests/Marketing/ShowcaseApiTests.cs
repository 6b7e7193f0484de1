using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Marketing;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Marketing;

public sealed class ShowcaseApiTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task AddShowcase_ExhibitionAndChannel_AreListedForThePerson()
    {
        var kupang = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(kupang, caseId);

        using var exhibition = await kupang.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/showcases",
            new { kind = "Exhibition", name = "Festival UMKM NTT", date = "2025-08-14", place = "Kupang" });
        using var channel = await kupang.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/showcases",
            new { kind = "SalesChannel", name = "Koperasi Lapas" });
        var listed = await kupang.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/showcases");

        Assert.Equal(HttpStatusCode.Created, exhibition.StatusCode);
        Assert.Equal(HttpStatusCode.Created, channel.StatusCode);
        var names = listed.EnumerateArray().Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("name").GetString(), s.GetProperty("productId").GetString()));
        Assert.Equal(
            [("Exhibition", "Festival UMKM NTT", productId), ("SalesChannel", "Koperasi Lapas", productId)],
            names.OrderBy(n => n.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddShowcase_ExhibitionWithoutDate_Returns400NamingTheFieldAndStoresNothing()
    {
        var kupang = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(kupang, caseId);

        using var response = await kupang.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/showcases", new { kind = "Exhibition", name = "Pameran" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _));
        Assert.Empty(await app.PartitionAsync(ShowcaseService.Table, caseId));
    }

    [Fact]
    public async Task AddShowcase_AnotherOfficesCase_Returns404()
    {
        var kupang = await app.SignInAsync("lapas.kupang");
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(kupang, caseId);

        using var response = await tangerang.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/showcases", new { kind = "SalesChannel", name = "Toko" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await app.PartitionAsync(ShowcaseService.Table, caseId));
    }

    private static async Task<string> AddProductAsync(HttpClient staff, string caseId)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/products", new
        {
            name = "Selendang tenun ikat", category = "Textile", description = "Tenun ikat motif Timor", priceRupiah = 350_000,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("productId").GetString()!;
    }
}

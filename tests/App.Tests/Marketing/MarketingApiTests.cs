using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Marketing;
using PepFunctions.App.Tests.Training;
using PepFunctions.Domain;

using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Marketing;

public sealed class MarketingApiTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task Curate_NominatedByLapasApprovedByCurator_MovesThroughTheQueue()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var curator = await app.SignInAsync("kurator");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(lapas, caseId);

        using var nominated = await lapas.PostAsync($"/api/cases/{caseId}/products/{productId}/nomination", null);
        Assert.Equal(HttpStatusCode.OK, nominated.StatusCode);
        Assert.Contains(productId, await QueueAsync(curator, "Pending"));

        using var approved = await curator.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/curation", new { decision = "Approved" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var product = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Approved", product.GetProperty("curation").GetString());
        Assert.Equal("kurator", product.GetProperty("decidedBy").GetString());
        Assert.DoesNotContain(productId, await QueueAsync(curator, "Pending"));
        Assert.Contains(productId, await QueueAsync(curator, "Approved"));
    }

    [Fact]
    public async Task Curate_ByLapasOfficer_Returns403AndLeavesItPending()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(lapas, caseId);
        using (var nominated = await lapas.PostAsync($"/api/cases/{caseId}/products/{productId}/nomination", null))
        {
            Assert.Equal(HttpStatusCode.OK, nominated.StatusCode);
        }

        using var response = await lapas.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/curation", new { decision = "Approved" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Pending", (await app.PartitionAsync(MarketingTables.Products, caseId)).Single().GetString("CurationStatus"));
    }

    [Fact]
    public async Task Curate_RejectedWithoutReason_Returns400_WithReason_IsRejected()
    {
        var kanwil = await app.SignInAsync("kanwil.ntt");
        var lapas = await app.SignInAsync("lapas.kupang");
        var curator = await app.SignInAsync("kurator");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(lapas, caseId);
        using (var nominated = await kanwil.PostAsync($"/api/cases/{caseId}/products/{productId}/nomination", null))
        {
            Assert.Equal(HttpStatusCode.OK, nominated.StatusCode);
        }

        using var noReason = await curator.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/curation", new { decision = "Rejected" });
        using var withReason = await curator.PostAsJsonAsync($"/api/cases/{caseId}/products/{productId}/curation", new { decision = "Rejected", reason = "Kemasan belum berlabel" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        var rejected = await kanwil.GetFromJsonAsync<JsonElement>("/api/curation?status=Rejected");
        Assert.Equal("Kemasan belum berlabel", Assert.Single(rejected.EnumerateArray(), p => p.GetProperty("productId").GetString() == productId).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Products_CaseOfAnotherOffice_Returns404()
    {
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);

        using var add = await tangerang.PostAsJsonAsync($"/api/cases/{caseId}/products", new { name = "Selendang", category = "Textile", description = "", priceRupiah = 150_000 });
        using var list = await tangerang.GetAsync($"/api/cases/{caseId}/products");

        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Empty(await app.PartitionAsync(MarketingTables.Products, caseId));
    }

    [Fact]
    public async Task CurationQueue_KanwilSeesOnlyItsProvince()
    {
        var kupang = await app.SignInAsync("lapas.kupang");
        var tangerang = await app.SignInAsync("lapas.tangerang");
        var kanwilNtt = await app.SignInAsync("kanwil.ntt");
        var kupangCase = await app.SeedCaseAsync(Offices.LppKupang);
        var tangerangCase = await app.SeedCaseAsync(Offices.LppTangerang);
        await NominateAsync(kupang, kupangCase, await AddProductAsync(kupang, kupangCase));
        await NominateAsync(tangerang, tangerangCase, await AddProductAsync(tangerang, tangerangCase));

        var queue = (await kanwilNtt.GetFromJsonAsync<JsonElement>("/api/curation")).EnumerateArray().Select(p => p.GetProperty("caseId").GetString()).ToList();

        Assert.Contains(kupangCase, queue);
        Assert.DoesNotContain(tangerangCase, queue);
    }

    [Fact]
    public async Task UploadPhoto_Svg_Returns400_WebP_IsServedBack()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = await AddProductAsync(lapas, caseId);
        byte[] webp = [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];

        using var svg = await UploadAsync(lapas, caseId, productId, "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "image/svg+xml");
        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Empty(await app.BlobNamesAsync(caseId + "/"));
        using var ok = await UploadAsync(lapas, caseId, productId, webp, "image/webp");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var download = await lapas.GetAsync($"/api/cases/{caseId}/products/{productId}/photo");
        Assert.Equal("image/webp", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(webp, await download.Content.ReadAsByteArrayAsync());

        // The same photo sent again (a retry) is one entry on the person's timeline, with who uploaded it.
        using var again = await UploadAsync(lapas, caseId, productId, webp, "image/webp");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var entry = await TimelineApi.SingleAsync(lapas, caseId, "ProductPhotoUploaded", "lapas.kupang");
        Assert.Equal(productId, entry["product"]);
    }

    [Fact]
    public async Task RecordSales_SameMonthTwice_UpsertsOneRowInTheShapeGraduationReads()
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");

        using var first = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 750_000 });
        using var corrected = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 900_000 });
        using var invalid = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = "Januari", salesRupiah = -1 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var row = Assert.Single(await app.PartitionAsync(MarketingTables.Sales, caseId));
        Assert.Equal((caseId, "2025-01"), (row.PartitionKey, row.RowKey));
        Assert.Equal(900_000L, row.GetInt64("SalesRupiah"));
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

    /// <summary>The product ids in the curators' queue of <paramref name="status"/>.</summary>
    private static async Task<List<string?>> QueueAsync(HttpClient staff, string status) =>
        [.. (await staff.GetFromJsonAsync<JsonElement>($"/api/curation?status={status}")).EnumerateArray().Select(p => p.GetProperty("productId").GetString())];

    private static async Task NominateAsync(HttpClient staff, string caseId, string productId)
    {
        using var response = await staff.PostAsync($"/api/cases/{caseId}/products/{productId}/nomination", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient staff, string caseId, string productId, byte[] content, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return staff.PostAsync($"/api/cases/{caseId}/products/{productId}/photo", new MultipartFormDataContent { { file, "file", "photo" } });
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Catalogue;

public sealed class CatalogueApiTests(CatalogueApp app) : IClassFixture<CatalogueApp>
{
    [Fact]
    public async Task List_CuratedWithAndWithoutPromotionConsent_ListsOnlyTheConsentedOneWithoutPersonalData()
    {
        var consented = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Selendang tenun ikat Amarasi", "Textile", promotion: true, photo: true);
        var refused = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Sambal lu'at", "Food", promotion: false);
        using var visitor = app.App.NewClient();

        using var response = await visitor.GetAsync("/api/catalogue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var item = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray(), i => i.GetProperty("productId").GetString() == consented.ProductId);
        Assert.Equal("Selendang tenun ikat Amarasi", item.GetProperty("name").GetString());
        Assert.Equal("Textile", item.GetProperty("category").GetString());
        Assert.Equal(250_000, item.GetProperty("priceRupiah").GetInt64());
        Assert.Equal("Lapas Perempuan Kelas IIB Kupang", item.GetProperty("seller").GetProperty("officeName").GetString());
        Assert.Equal("WhatsApp Giatja 0812-0000-0101", item.GetProperty("seller").GetProperty("howToOrder").GetString());
        Assert.DoesNotContain(refused.ProductId, body, StringComparison.Ordinal);
        foreach (var identifying in consented.Identifying.Concat(refused.Identifying))
        {
            Assert.DoesNotContain(identifying, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("public, max-age=0", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task List_PromotionConsentWithdrawn_DropsTheProduct()
    {
        var product = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Minyak kelapa murni", "Beauty", promotion: true);
        using var visitor = app.App.NewClient();
        Assert.Contains(product.ProductId, await visitor.GetStringAsync("/api/catalogue?category=Beauty"), StringComparison.Ordinal);

        await app.SetPersonAsync(product, promotion: false);

        Assert.DoesNotContain(product.ProductId, await visitor.GetStringAsync("/api/catalogue?category=Beauty"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_RecordErased_DropsTheProduct()
    {
        var product = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Keranjang lontar", "Craft", promotion: true);
        using var visitor = app.App.NewClient();
        Assert.Contains(product.ProductId, await visitor.GetStringAsync("/api/catalogue"), StringComparison.Ordinal);

        var admin = await app.SignInAsync("admin");
        await ErasureApi.EraseAsync(admin, product.CaseId, "Permintaan penghapusan oleh ybs.");

        Assert.DoesNotContain(product.ProductId, await visitor.GetStringAsync("/api/catalogue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilteredByProvinceAndCategory_ListsOnlyMatches()
    {
        var kupang = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Kain tenun Sabu", "Textile", promotion: true);
        var tangerang = await app.CuratedProductAsync(Offices.LppTangerang, "lapas.tangerang", "Batik tulis Tangerang", "Textile", promotion: true);
        using var visitor = app.App.NewClient();

        var banten = await visitor.GetStringAsync("/api/catalogue?province=Banten&category=Textile");
        var ntt = await visitor.GetStringAsync("/api/catalogue?province=Nusa%20Tenggara%20Timur");

        Assert.Contains(tangerang.ProductId, banten, StringComparison.Ordinal);
        Assert.DoesNotContain(kupang.ProductId, banten, StringComparison.Ordinal);
        Assert.Contains(kupang.ProductId, ntt, StringComparison.Ordinal);
        Assert.DoesNotContain(tangerang.ProductId, ntt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownProvinceAndCategory_Returns400NamingBoth()
    {
        using var visitor = app.App.NewClient();

        using var response = await visitor.GetAsync("/api/catalogue?province=Atlantis&category=Jewellery");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("province", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("category", out _), errors.ToString());
    }

    [Fact]
    public async Task Photo_ListedProduct_IsServedWithoutSignIn_UnlistedIs404()
    {
        var listed = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Tas anyaman", "Craft", promotion: true, photo: true);
        var unlisted = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Tikar pandan", "Craft", promotion: false, photo: true);
        using var visitor = app.App.NewClient();

        using var photo = await visitor.GetAsync($"/api/catalogue/{listed.ProductId}/photo");
        using var hidden = await visitor.GetAsync($"/api/catalogue/{unlisted.ProductId}/photo");

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/webp", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Page_Anonymous_ShowsTheProductInBahasaIndonesiaWithoutPersonalData()
    {
        var product = await app.CuratedProductAsync(Offices.LppKupang, "lapas.kupang", "Tenun ikat Rote", "Textile", promotion: true, photo: true);
        using var visitor = app.App.NewClient();

        using var response = await visitor.GetAsync("/katalog?province=Nusa%20Tenggara%20Timur&category=Textile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Katalog produk unggulan", page, StringComparison.Ordinal);
        Assert.Contains("Tenun ikat Rote", page, StringComparison.Ordinal);
        Assert.Contains($"/api/catalogue/{product.ProductId}/photo", page, StringComparison.Ordinal);
        Assert.Contains("Dijual oleh Lapas Perempuan Kelas IIB Kupang", page, StringComparison.Ordinal);
        foreach (var identifying in product.Identifying)
        {
            Assert.DoesNotContain(identifying, page, StringComparison.OrdinalIgnoreCase);
        }

        Assert.StartsWith("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        // Buyers read it: the staff's note on personal data is not shown to them.
        Assert.DoesNotContain("<footer>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SignedInStaff_IsNotCachedPublicly()
    {
        var staff = await app.SignInAsync("lapas.kupang");

        using var response = await staff.GetAsync("/katalog");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false }, $"Cache-Control: {response.Headers.CacheControl}");
    }
}

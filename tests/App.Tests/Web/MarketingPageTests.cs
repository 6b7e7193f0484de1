using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using static PepFunctions.App.Tests.Web.PersonPages;

namespace PepFunctions.App.Tests.Web;

/// <summary>The person page's marketing forms (products, photos, nominations, exhibitions and sales channels, monthly sales) and the curators' page <c>/produk</c>.</summary>
public sealed class MarketingPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private const string PhotoForm = "form[action*='handler=Photo']";
    private const string NominateForm = "form[action*='handler=Nominate']";
    private const string ShowcaseForm = "form.showcase";
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Product_AddedInTheLapas_ShowsOnThePersonPage()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0701");

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#product",
            ("Product.Name", "Kain tenun ikat"), ("Product.Category", "Textile"), ("Product.Description", "Motif Sumba"), ("Product.PriceRupiah", "350000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Produk ditambahkan.", Saved(page));
        Assert.StartsWith("Kain tenun ikat", page.QuerySelector("#marketing .product h3")?.TextContent, StringComparison.Ordinal);
        var product = Assert.Single((await JsonAsync(lapas, $"/api/cases/{caseId}/products")).EnumerateArray());
        Assert.Equal(("Textile", 350_000L), (product.GetProperty("category").GetString(), product.GetProperty("priceRupiah").GetInt64()));
    }

    [Fact]
    public async Task Product_NoNameNoCategoryNoPrice_ShowsFieldErrorsAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await EnrolledAsync(lapas, "WBP-2025-0702");

        var (response, page) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#product",
            ("Product.Name", ""), ("Product.Category", ""), ("Product.Description", "Motif Sumba"), ("Product.PriceRupiah", "0"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nama produk wajib diisi.", StaffSession.FieldError(page, "Product.Name"));
        Assert.Equal("Pilih jenis produk.", StaffSession.FieldError(page, "Product.Category"));
        Assert.Equal("Harga harus lebih dari Rp0.", StaffSession.FieldError(page, "Product.PriceRupiah"));
        Assert.Equal("Motif Sumba", page.QuerySelector("textarea[name='Product.Description']")?.TextContent);
        Assert.Empty((await JsonAsync(lapas, $"/api/cases/{caseId}/products")).EnumerateArray());
    }

    [Fact]
    public async Task Photo_SmallPng_IsShownWithTheProduct()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0703");

        var (response, _) = await lapas.SubmitFileAsync($"/kasus/{caseId}", PhotoForm, "photo", Png);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Foto produk tersimpan.", Saved(page));
        var source = page.QuerySelector("#marketing .product img")?.GetAttribute("src");
        Assert.NotNull(source);
        using var photo = await lapas.Http.GetAsync(new Uri(new Uri(lapas.Http.BaseAddress!, $"/kasus/{caseId}"), source));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png.Content, await photo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Photo_NotAnImage_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0704");

        var (response, page) = await lapas.SubmitFileAsync($"/kasus/{caseId}", PhotoForm, "photo", NotAnImage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Jenis berkas tidak diterima.", page.QuerySelector($"{PhotoForm} [data-valmsg-for='ProductAction.File']")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#marketing .product img"));
        Assert.False(Assert.Single((await JsonAsync(lapas, $"/api/cases/{caseId}/products")).EnumerateArray()).GetProperty("hasPhoto").GetBoolean());
    }

    [Fact]
    public async Task Nominate_Product_PutsItInTheCuratorsQueue()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var curator = await StaffSession.SignInAsync(_app, "kurator");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0705");

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", NominateForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Produk diusulkan sebagai produk unggulan.", Saved(page));
        Assert.Null(page.QuerySelector(NominateForm));
        var (_, queue) = await curator.GetAsync("/produk");
        Assert.Contains("Kain tenun ikat", QueueRow(queue, caseId)?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(CurateForm(queue, caseId));
    }

    [Fact]
    public async Task Nominate_Twice_ShowsTheConflictAndStoresNothingMore()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var curator = await StaffSession.SignInAsync(_app, "kurator");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0706");
        var (_, firstTab) = await lapas.GetAsync($"/kasus/{caseId}");
        var (_, secondTab) = await lapas.GetAsync($"/kasus/{caseId}");
        var first = firstTab.QuerySelector<IHtmlFormElement>(NominateForm)!;
        var stale = secondTab.QuerySelector<IHtmlFormElement>(NominateForm)!;
        Assert.Equal(HttpStatusCode.Redirect, (await lapas.PostAsync(first.GetAttribute("action")!, Fields(first))).Response.StatusCode);

        // The form of a second tab opened before: another nomination (its own idempotency key), not a resubmission of the first.
        var (response, page) = await lapas.PostAsync(stale.GetAttribute("action")!, Fields(stale));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Produk ini sudah diusulkan.", FormError(page));
        Assert.Single((await JsonAsync(curator, "/api/curation")).EnumerateArray(), p => p.GetProperty("caseId").GetString() == caseId);
    }

    [Fact]
    public async Task Nominate_SameFormSubmittedTwice_SavedOnceNotAConflict()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0790");
        var (_, before) = await lapas.GetAsync($"/kasus/{caseId}");
        var form = before.QuerySelector<IHtmlFormElement>(NominateForm)!;
        Assert.Equal(HttpStatusCode.Redirect, (await lapas.PostAsync(form.GetAttribute("action")!, Fields(form))).Response.StatusCode);

        // The same form again (a double click, or a resubmission after a timeout): the same idempotency key.
        var (response, _) = await lapas.PostAsync(form.GetAttribute("action")!, Fields(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync($"/kasus/{caseId}");
        var nominated = page.QuerySelectorAll("ol.timeline > li").Where(item => item.QuerySelector("b")?.TextContent == "Diusulkan sebagai produk unggulan").ToList();
        var entry = Assert.Single(nominated);
        Assert.EndsWith("· Maria (Kasi Binadik, Lapas Perempuan Kupang)", entry.QuerySelector("time")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kain tenun ikat", entry.QuerySelector(".hint")?.TextContent);
    }

    private static KeyValuePair<string, string>[] Fields(IHtmlFormElement form) =>
        [.. form.Elements.OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))];

    [Fact]
    public async Task Curate_KuratorApproves_MovesTheProductToApproved()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var curator = await StaffSession.SignInAsync(_app, "kurator");
        var caseId = await NominatedAsync(lapas, "WBP-2025-0707");

        var (response, _) = await curator.SubmitAsync("/produk", page => CurateForm(page, caseId), ("Curate.Decision", "Approved"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await curator.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Keputusan kurasi tersimpan.", Saved(page));
        Assert.Null(QueueRow(page, caseId));
        var (_, approved) = await curator.GetAsync("/produk?status=Approved");
        Assert.Contains("Kain tenun ikat", QueueRow(approved, caseId)?.TextContent, StringComparison.Ordinal);
        var curated = Assert.Single((await JsonAsync(curator, "/api/curation?status=Approved")).EnumerateArray(), p => p.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("Approved", curated.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Curate_RejectedWithoutReason_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var curator = await StaffSession.SignInAsync(_app, "kurator");
        var caseId = await NominatedAsync(lapas, "WBP-2025-0708");

        var (response, page) = await curator.SubmitAsync("/produk", page => CurateForm(page, caseId), ("Curate.Decision", "Rejected"), ("Curate.Reason", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tulis alasan penolakan, agar kantor tahu apa yang perlu diperbaiki.", StaffSession.FieldError(page, "Curate.Reason"));
        Assert.NotNull(CurateForm(page, caseId));
        var pending = Assert.Single((await JsonAsync(curator, "/api/curation")).EnumerateArray(), p => p.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sales_ThisMonth_ShowsInTheSalesTable()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0709");
        var month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var (response, _) = await pk.SubmitAsync($"/kasus/{caseId}", "form#sales", ("SalesEntry.Month", month), ("SalesEntry.SalesRupiah", "1.200.000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await pk.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Penjualan bulanan tersimpan.", Saved(page));
        // The month in words, as staff read it (the API keeps yyyy-MM).
        Assert.Equal(Today.ToString("MMMM yyyy", new CultureInfo("id")), page.QuerySelector("#marketing table.list tr th")?.TextContent);
        var sales = Assert.Single((await JsonAsync(pk, $"/api/cases/{caseId}/sales")).EnumerateArray());
        Assert.Equal((month, 1_200_000L), (sales.GetProperty("month").GetString(), sales.GetProperty("salesRupiah").GetInt64()));
    }

    [Fact]
    public async Task Sales_MonthAheadWithoutAmount_ShowsFieldErrorsAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0710");
        var next = Offices.LocalDate(Offices.BapasKupang, DateTimeOffset.UtcNow).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var (response, page) = await pk.SubmitAsync($"/kasus/{caseId}", "form#sales", ("SalesEntry.Month", next), ("SalesEntry.SalesRupiah", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Penjualan tidak bisa dicatat untuk bulan yang belum dimulai.", StaffSession.FieldError(page, "SalesEntry.Month"));
        Assert.Equal("Isi penjualan bulan ini dalam rupiah (0 bila tidak ada).", StaffSession.FieldError(page, "SalesEntry.SalesRupiah"));
        Assert.Empty((await JsonAsync(pk, $"/api/cases/{caseId}/sales")).EnumerateArray());
    }

    [Fact]
    public async Task Showcase_Exhibition_IsListedWithTheProduct()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0711");
        var day = Today.AddDays(-3);

        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", ShowcaseForm,
            ("Showcase.Kind", "Exhibition"), ("Showcase.Name", "Festival UMKM NTT"), ("Showcase.Date", Date(day)), ("Showcase.Place", "Kupang"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lapas.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Pameran/saluran penjualan ditambahkan.", Saved(page));
        var listed = page.QuerySelector("#marketing .product ul.showcases li")?.TextContent;
        Assert.StartsWith("Pameran: Festival UMKM NTT", listed, StringComparison.Ordinal);
        Assert.EndsWith("Kupang", listed, StringComparison.Ordinal);
        var showcase = Assert.Single((await JsonAsync(lapas, $"/api/cases/{caseId}/showcases")).EnumerateArray());
        Assert.Equal(("Exhibition", Date(day)), (showcase.GetProperty("kind").GetString(), showcase.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task Showcase_ExhibitionWithoutDate_ShowsFieldErrorAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await WithProductAsync(lapas, "WBP-2025-0712");

        var (response, page) = await lapas.SubmitAsync($"/kasus/{caseId}", ShowcaseForm,
            ("Showcase.Kind", "Exhibition"), ("Showcase.Name", "Festival UMKM NTT"), ("Showcase.Date", ""), ("Showcase.Place", "Kupang"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pameran memerlukan tanggalnya.", StaffSession.FieldError(page, "Showcase.Date"));
        Assert.Equal("Festival UMKM NTT", page.QuerySelector<IHtmlInputElement>($"{ShowcaseForm} input[name='Showcase.Name']")?.Value);
        Assert.Null(page.QuerySelector("#marketing ul.showcases"));
        Assert.Empty((await JsonAsync(lapas, $"/api/cases/{caseId}/showcases")).EnumerateArray());
    }

    /// <summary>The row of the curators' queue with the product of <paramref name="caseId"/> (every test enrols its own person).</summary>
    private static IElement? QueueRow(IHtmlDocument page, string caseId) =>
        page.QuerySelectorAll("table.list tbody tr").FirstOrDefault(row => row.QuerySelector($"a[href^='/kasus/{caseId}#']") is not null);

    /// <summary>The curation form of the product of <paramref name="caseId"/>.</summary>
    private static IHtmlFormElement? CurateForm(IHtmlDocument page, string caseId) =>
        page.QuerySelectorAll<IHtmlFormElement>("form.curate").FirstOrDefault(form => form.QuerySelector($"input[name='Curate.CaseId'][value='{caseId}']") is not null);

    /// <summary>An enrolled person with one product, added through the form by the Lapas.</summary>
    private static async Task<string> WithProductAsync(StaffSession lapas, string registrationNumber)
    {
        var caseId = await EnrolledAsync(lapas, registrationNumber);
        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#product",
            ("Product.Name", "Kain tenun ikat"), ("Product.Category", "Textile"), ("Product.Description", "Motif Sumba"), ("Product.PriceRupiah", "350000"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return caseId;
    }

    /// <summary>A person whose product the Lapas nominated through the page.</summary>
    private static async Task<string> NominatedAsync(StaffSession lapas, string registrationNumber)
    {
        var caseId = await WithProductAsync(lapas, registrationNumber);
        var (response, _) = await lapas.SubmitAsync($"/kasus/{caseId}", NominateForm);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return caseId;
    }
}

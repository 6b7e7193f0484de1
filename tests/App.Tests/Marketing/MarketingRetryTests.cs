using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Marketing;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Tests.Training;
using PepFunctions.Domain;
using static PepFunctions.App.Tests.Support.KeyedRequests;

namespace PepFunctions.App.Tests.Marketing;

/// <summary>Marketing actions sent again (a retry after a timeout or a crash) give the first answer and record once.</summary>
public sealed class MarketingRetryTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    private static readonly object Product = new { name = "Selendang tenun ikat", category = "Textile", description = "Motif Timor", priceRupiah = 350_000 };

    [Theory]
    [InlineData(null)]
    [InlineData("product-key")]
    public async Task AddProduct_SameRequestTwice_SameAnswerOneProduct(string? key)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);

        var first = await PostAsync(lapas, $"/api/cases/{caseId}/products", Product, key);
        var second = await PostAsync(lapas, $"/api/cases/{caseId}/products", Product, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Single(await app.PartitionAsync(MarketingTables.Products, caseId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("showcase-key")]
    public async Task AddShowcase_SameRequestTwice_SameAnswerOneShowcase(string? key)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = (await PostAsync(lapas, $"/api/cases/{caseId}/products", Product, key: null)).Body.GetProperty("productId").GetString();
        var showcase = new { kind = "Exhibition", name = "Festival UMKM NTT", date = "2025-08-14", place = "Kupang" };

        var first = await PostAsync(lapas, $"/api/cases/{caseId}/products/{productId}/showcases", showcase, key);
        var second = await PostAsync(lapas, $"/api/cases/{caseId}/products/{productId}/showcases", showcase, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Single(await app.PartitionAsync(ShowcaseService.Table, caseId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sales-key")]
    public async Task RecordSales_SameRequestTwice_SameAnswerOneRow(string? key)
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");

        var first = await PostAsync(mentor, $"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 750_000 }, key);
        var second = await PostAsync(mentor, $"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 750_000 }, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Single(await app.PartitionAsync(MarketingTables.Sales, caseId));
    }

    [Fact]
    public async Task MarketingActions_SameHeaderTwice_EachOnceOnTheTimelineWithTheActorAndNoNames()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var curator = await app.SignInAsync("kurator");
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");
        var productId = (await PostAsync(pk, $"/api/cases/{caseId}/products", Product, "add")).Body.GetProperty("productId").GetString()!;
        var products = $"/api/cases/{caseId}/products/{productId}";
        var showcase = new { kind = "Exhibition", name = "Festival UMKM NTT", date = "2025-08-14", place = "Kupang" };

        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(pk, $"/api/cases/{caseId}/products", Product, "add")).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(pk, $"{products}/nomination", new { }, "nominate")).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(curator, $"{products}/curation", new { decision = "Approved" }, "curate")).Status);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(pk, $"{products}/showcases", showcase, "show")).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(mentor, $"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 750_000 }, "sales")).Status);
        }

        var added = await TimelineApi.SingleAsync(pk, caseId, "ProductAdded", "pk.kupang");
        Assert.Equal((productId, "Textile", "350000"), (added["product"], added["category"], added["amount"]));
        Assert.Equal(productId, (await TimelineApi.SingleAsync(pk, caseId, "ProductNominated", "pk.kupang"))["product"]);
        Assert.Equal("Approved", (await TimelineApi.SingleAsync(pk, caseId, "ProductCurated", "kurator"))["curation"]);
        var shown = await TimelineApi.SingleAsync(pk, caseId, "ShowcaseAdded", "pk.kupang");
        Assert.Equal(("Exhibition", "2025-08-14"), (shown["showcaseKind"], shown["date"]));
        var sold = await TimelineApi.SingleAsync(pk, caseId, "SalesRecorded", "mentor.kupang");
        Assert.Equal(("2025-01", "750000"), (sold["month"], sold["amount"]));
        var details = (await pk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline")).GetRawText();
        Assert.DoesNotContain("Selendang", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Festival", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("nominate-key")]
    public async Task Nominate_SameRequestTwice_SameAnswerNot409(string? key)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = (await PostAsync(lapas, $"/api/cases/{caseId}/products", Product, key: null)).Body.GetProperty("productId").GetString();

        var first = await PostAsync(lapas, $"/api/cases/{caseId}/products/{productId}/nomination", new { }, key);
        var second = await PostAsync(lapas, $"/api/cases/{caseId}/products/{productId}/nomination", new { }, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Single(await app.RowsAsync(MarketingTables.ProductsForCuration), row => row.RowKey == $"{caseId}|{productId}");
        await TimelineApi.SingleAsync(lapas, caseId, "ProductNominated", "lapas.kupang");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("curate-key")]
    public async Task Curate_SameDecisionTwice_SameAnswer_ADifferentDecision409(string? key)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var curator = await app.SignInAsync("kurator");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = (await PostAsync(lapas, $"/api/cases/{caseId}/products", Product, key: null)).Body.GetProperty("productId").GetString();
        var path = $"/api/cases/{caseId}/products/{productId}/curation";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(lapas, $"/api/cases/{caseId}/products/{productId}/nomination", new { }, key: null)).Status);

        var first = await PostAsync(curator, path, new { decision = "Rejected", reason = "Kemasan belum berlabel" }, key);
        var second = await PostAsync(curator, path, new { decision = "Rejected", reason = "Kemasan belum berlabel" }, key);
        var other = await PostAsync(curator, path, new { decision = "Approved" }, key is null ? null : "another-key");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal(["Rejected"], (await app.RowsAsync(MarketingTables.ProductsForCuration)).Where(row => row.RowKey == $"{caseId}|{productId}").Select(row => row.PartitionKey));
        await TimelineApi.SingleAsync(lapas, caseId, "ProductCurated", "kurator");
    }

    [Fact]
    public async Task Nominate_AgainAfterARejection_SameContentNominatesAgain()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var curator = await app.SignInAsync("kurator");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);
        var productId = (await PostAsync(lapas, $"/api/cases/{caseId}/products", Product, key: null)).Body.GetProperty("productId").GetString();
        var products = $"/api/cases/{caseId}/products/{productId}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(lapas, $"{products}/nomination", new { }, key: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(curator, $"{products}/curation", new { decision = "Rejected", reason = "Foto buram" }, key: null)).Status);

        var again = await PostAsync(lapas, $"{products}/nomination", new { }, key: null);
        var curatedAgain = await PostAsync(curator, $"{products}/curation", new { decision = "Rejected", reason = "Foto buram" }, key: null);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Pending", again.Body.GetProperty("curation").GetString());
        Assert.Equal(HttpStatusCode.OK, curatedAgain.Status);
        Assert.Equal(2, (await TimelineApi.EntriesAsync(lapas, caseId, "ProductNominated")).Count);
        Assert.Equal(2, (await TimelineApi.EntriesAsync(lapas, caseId, "ProductCurated")).Count);
    }

    [Fact]
    public async Task MarketingActions_CutOffAtEachStorageWrite_RetryWithTheSameKeyRecordsEachOnce()
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var directory = app.App.Services.GetRequiredService<StaffDirectory>();
        var (officer, curator, mentor) = (StaffDirectory.FindDemo("lapas.kupang")!, StaffDirectory.FindDemo("kurator")!, StaffDirectory.FindDemo("mentor.kupang")!);
        var products = app.App.Services.GetRequiredService<ProductService>();
        var showcases = app.App.Services.GetRequiredService<ShowcaseService>();
        var sales = app.App.Services.GetRequiredService<SalesService>();
        var product = new ProductRequest("Selendang tenun ikat", ProductCategory.Textile, "Motif Timor", 350_000);
        var approve = new CurationRequest(CurationStatus.Approved, null);
        var exhibition = new ShowcaseRequest(ShowcaseKind.Exhibition, "Festival UMKM NTT", new DateOnly(2025, 8, 14), "Kupang");
        var january = new SalesRequest("2025-01", 750_000);
        for (var n = 1; n <= 30; n++)
        {
            var caseId = await app.SeedCaseAsync(Offices.LppKupang);
            var released = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");
            var productId = "";
            var failures = new List<Exception?>
            {
                await Record.ExceptionAsync(() => Faulty<ProductService>(n).AddAsync(officer, caseId, product, $"add-{n}", CancellationToken.None)),
                await Record.ExceptionAsync(async () => productId = (await products.AddAsync(officer, caseId, product, $"add-{n}", CancellationToken.None)).ProductId),
            };
            failures.Add(await Record.ExceptionAsync(() => Faulty<ProductService>(n).NominateAsync(officer, caseId, productId, $"nominate-{n}", CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => products.NominateAsync(officer, caseId, productId, $"nominate-{n}", CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => Faulty<ProductService>(n).CurateAsync(curator, caseId, productId, approve, $"curate-{n}", CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => products.CurateAsync(curator, caseId, productId, approve, $"curate-{n}", CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => Faulty<ShowcaseService>(n).AddAsync(officer, caseId, productId, exhibition, $"show-{n}", CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => showcases.AddAsync(officer, caseId, productId, exhibition, $"show-{n}", CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => Faulty<SalesService>(n).RecordAsync(mentor, released, january, $"sales-{n}", app.App.Client, CancellationToken.None)));
            failures.Add(await Record.ExceptionAsync(() => sales.RecordAsync(mentor, released, january, $"sales-{n}", app.App.Client, CancellationToken.None)));

            Assert.All(failures.Where((_, i) => i % 2 == 1), retry => Assert.Null(retry));
            Assert.Single(await app.PartitionAsync(MarketingTables.Products, caseId), row => row.GetString("CurationStatus") == "Approved");
            Assert.Equal(["Approved"], (await app.RowsAsync(MarketingTables.ProductsForCuration)).Where(row => row.RowKey == $"{caseId}|{productId}").Select(row => row.PartitionKey));
            Assert.Single(await app.PartitionAsync(ShowcaseService.Table, caseId));
            foreach (var (action, actor) in new[] { ("ProductAdded", "lapas.kupang"), ("ProductNominated", "lapas.kupang"), ("ProductCurated", "kurator"), ("ShowcaseAdded", "lapas.kupang") })
            {
                await TimelineApi.SingleAsync(lapas, caseId, action, actor);
            }

            var mentorClient = await app.SignInAsync("mentor.kupang");
            await TimelineApi.SingleAsync(mentorClient, released, "SalesRecorded", "mentor.kupang");
            if (failures.All(failure => failure is null))
            {
                Assert.True(n > 3, $"Only {n - 1} writes were cut off.");
                return; // n is past the last write of every action: every cut-off point has been tried.
            }
        }

        Assert.Fail("The marketing actions made more than 30 writes; raise the bound.");
    }

    private T Faulty<T>(int n) where T : class => FaultyStorage.Service<T>(app.App, n);
}

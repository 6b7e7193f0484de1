using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PepFunctions.App.Http;
using PepFunctions.App.Marketing;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Tests.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Marketing;

/// <summary>Marketing input is strict: every 400 names its fields, all at once; sales only after release, never ahead of time.</summary>
public sealed class MarketingInputTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Theory]
    [InlineData("{\"name\":\"Kain\",\"priceRupiah\":1000}", "category")]
    [InlineData("{\"name\":\"Kain\",\"category\":\"Spaceship\",\"priceRupiah\":1000}", "category")]
    [InlineData("{\"name\":\"Kain\",\"category\":\"Textile\",\"priceRupiah\":\"1\"}", "priceRupiah")]
    public async Task AddProduct_BadCategoryOrPrice_Returns400NamingTheField(string body, string field)
    {
        var lapas = await app.SignInAsync("lapas.kupang");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);

        using var response = await lapas.PostAsync($"/api/cases/{caseId}/products", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], await ErrorsAsync(response));
        Assert.Empty(await app.PartitionAsync(MarketingTables.Products, caseId));
    }

    [Fact]
    public async Task Curate_DecisionPendingAndLongReason_Returns400NamingBoth()
    {
        var curator = await app.SignInAsync("kurator");
        var caseId = await app.SeedCaseAsync(Offices.LppKupang);

        using var response = await curator.PostAsJsonAsync($"/api/cases/{caseId}/products/prd-000000000000/curation",
            new { decision = "Pending", reason = new string('x', 1_000) });

        Assert.Equal(["decision", "reason"], (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordSales_BadMonthAndNoAmount_Returns400NamingBoth()
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");

        using var response = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = "Januari" });

        Assert.Equal(["month", "salesRupiah"], (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2020-01")]
    [InlineData("2024-12")]
    public async Task RecordSales_MonthBeforeRelease_Returns400NamingMonth(string month)
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, new DateTimeOffset(2025, 1, 20, 3, 0, 0, TimeSpan.Zero), "mentor.kupang");

        using var response = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month, salesRupiah = 100_000 });

        Assert.Equal(["month"], await ErrorsAsync(response));
        Assert.Empty(await app.PartitionAsync(MarketingTables.Sales, caseId));
    }

    [Fact]
    public async Task RecordSales_NextMonth_Returns400NamingMonth_ReleaseMonthIsAccepted()
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, new DateTimeOffset(2025, 1, 20, 3, 0, 0, TimeSpan.Zero), "mentor.kupang");
        var next = Offices.LocalDate(Offices.BapasKupang, DateTimeOffset.UtcNow).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        using var future = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = next, salesRupiah = 100_000 });
        using var releaseMonth = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 100_000 });

        Assert.Equal(["month"], await ErrorsAsync(future));
        Assert.Equal(HttpStatusCode.OK, releaseMonth.StatusCode);
    }

    [Fact]
    public async Task RecordSales_NotReleased_Returns409()
    {
        var mentor = await app.SignInAsync("mentor.kupang");
        var caseId = await app.SeedAtAsync(Offices.BapasKupang, PipelineStage.AwaitingRelease, releasedAt: null, "mentor.kupang");

        using var response = await mentor.PostAsJsonAsync($"/api/cases/{caseId}/sales", new { month = "2025-01", salesRupiah = 100_000 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await app.PartitionAsync(MarketingTables.Sales, caseId));
    }

    [Fact]
    public async Task RecordAsync_FirstOfTheMonthInKupangWhileUtcIsStillOnTheLastDay_AcceptsTheNewMonth()
    {
        // 30 November 2026, 17:00 UTC is 1 December, 01:00 in Kupang (WITA, UTC+8).
        var sales = SalesAt(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        var caseId = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");

        var recorded = await sales.RecordAsync(Staff("mentor.kupang"), caseId, new SalesRequest("2026-12", 500_000), app.App.Client, CancellationToken.None);

        Assert.Equal("2026-12", recorded.Month);
        Assert.Single(await app.PartitionAsync(MarketingTables.Sales, caseId), row => row.RowKey == "2026-12");
    }

    [Fact]
    public async Task RecordAsync_NewMonthInKupangButNotYetInTangerang_RefusedInTangerangOnly()
    {
        // 30 November 2026, 16:30 UTC: 1 December, 00:30 in Kupang (WITA); 30 November, 23:30 in Tangerang (WIB, UTC+7).
        var sales = SalesAt(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        var kupang = await app.SeedReleasedAsync(Offices.BapasKupang, mentor: "mentor.kupang");
        var tangerang = await app.SeedReleasedAsync(Offices.BapasTangerang);
        var december = new SalesRequest("2026-12", 500_000);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            sales.RecordAsync(Staff("admin"), tangerang, december, app.App.Client, CancellationToken.None));
        var accepted = await sales.RecordAsync(Staff("admin"), kupang, december, app.App.Client, CancellationToken.None);

        Assert.Equal(["Month"], refused.Errors.Select(error => error.Field));
        Assert.Empty(await app.PartitionAsync(MarketingTables.Sales, tangerang));
        Assert.Equal("2026-12", accepted.Month);
    }

    /// <summary>The app's sales service on a clock the test sets.</summary>
    private SalesService SalesAt(DateTimeOffset utcNow) =>
        ActivatorUtilities.CreateInstance<SalesService>(app.App.Services, new FakeTimeProvider(utcNow));

    private StaffMember Staff(string username) => StaffDirectory.FindDemo(username)!;

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(error => error.Name)];
    }
}

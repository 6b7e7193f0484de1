using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.WebUtilities;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Web;

/// <summary><c>/kasus</c> with an office of 500 people: search by name or registration number, and pages of 50.</summary>
public sealed class CaseListPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task CaseList_SearchByNameAmong500_FindsOnlyThatPerson()
    {
        await SeedOfficeAsync(fixture, 500);
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");

        var (response, page) = await lapas.GetAsync("/kasus?q=" + Uri.EscapeDataString("yosefina ndun-0317"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.list tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(rows);
        Assert.Contains("Yosefina Ndun-0317", row, StringComparison.Ordinal);
        Assert.Contains("L-0317", row, StringComparison.Ordinal);
        var (_, byNumber) = await lapas.GetAsync("/kasus?q=L-0042");
        Assert.Contains("Yosefina Ndun-0042", Assert.Single(byNumber.QuerySelectorAll("table.list tbody tr")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseList_500People_ShowsPagesOf50WithClosedOnesLeftOut()
    {
        await SeedOfficeAsync(fixture, 500);
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");

        var (_, first) = await lapas.GetAsync("/kasus?Office=LPP-KUPANG");
        var (_, last) = await lapas.GetAsync("/kasus?Office=LPP-KUPANG&hal=99");
        var (_, withClosed) = await lapas.GetAsync("/kasus?Office=LPP-KUPANG&selesai=true");

        Assert.Equal(50, first.QuerySelectorAll("table.list tbody tr").Length);
        Assert.NotNull(first.QuerySelector(".pager a[rel=next]"));
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.NotNull(last.QuerySelector(".pager a[rel=prev]"));
        var openCount = int.Parse(first.QuerySelector("#count")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);
        var allCount = int.Parse(withClosed.QuerySelector("#count")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(50, allCount - openCount);
    }

    [Fact]
    public async Task ListCasesApi_PageSize200Of500_ThreePagesByContinuationWithNoneTwice()
    {
        await SeedOfficeAsync(fixture, 500);
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = "/api/cases?office=LPP-KUPANG&pageSize=200" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await lapas.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).EnumerateArray().ToList();
            Assert.True(items.Count <= 200);
            seen.AddRange(items.Select(i => i.GetProperty("caseId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation", out var values) ? values.Single() : null;
            // The token travels in URLs and logs: it must not carry the registration number it resumes after.
            Assert.DoesNotContain("L-0", token is null ? "" : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)), StringComparison.Ordinal);
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count >= 500, $"{seen.Count} cases in the pages.");
        using var bad = await lapas.Http.GetAsync("/api/cases?pageSize=5000&continuationToken=nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("pageSize", problem, StringComparison.Ordinal);
        Assert.Contains("continuationToken", problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes <paramref name="count"/> office summaries of Lapas Perempuan Kupang straight into <c>CasesByOffice</c>, as the Cases feature
    /// writes them (every tenth graduated), in batches of 100: the list reads nothing else for a Lapas officer.
    /// </summary>
    private static async Task SeedOfficeAsync(FeatureApp app, int count)
    {
        var table = app.Table("CasesByOffice");
        await table.CreateIfNotExistsAsync();
        if ((await app.PartitionAsync("CasesByOffice", Offices.LppKupang)).Count >= count)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(1, count).Select(i =>
        {
            var number = "L-" + i.ToString("D4", CultureInfo.InvariantCulture);
            return new TableEntity(Offices.LppKupang, TestCaseIds.For(Offices.LppKupang, number))
            {
                ["RegistrationNumber"] = number,
                ["DisplayName"] = "Yosefina Ndun-" + i.ToString("D4", CultureInfo.InvariantCulture),
                ["Stage"] = i % 10 == 0 ? nameof(PipelineStage.Graduated) : nameof(PipelineStage.Training),
                ["UpdatedAt"] = now,
                ["Version"] = 1L,
            };
        });
        foreach (var batch in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        }
    }
}

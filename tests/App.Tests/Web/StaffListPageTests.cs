using System.Net;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

/// <summary><c>/kelola/staf</c>: search by name or username.</summary>
public sealed class StaffListPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task StaffList_SearchByName_ListsOnlyThoseWhoMatch()
    {
        using var admin = await StaffSession.SignInAsync(fixture.App, "admin");

        var (response, page) = await admin.GetAsync("/kelola/staf?q=" + Uri.EscapeDataString("ibu rosa"));
        var (_, byUsername) = await admin.GetAsync("/kelola/staf?q=pk.kupang");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(page.QuerySelectorAll("table.staff tbody tr"));
        Assert.Contains("mentor.kupang", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("pk.kupang", Assert.Single(byUsername.QuerySelectorAll("table.staff tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.Equal("q", page.QuerySelector("form[role=search] input[type=search]")?.GetAttribute("name"));
        // The menu marks where the reader is, and only there.
        Assert.Equal("/kelola/staf", Assert.Single(page.QuerySelectorAll("nav.menu a[aria-current=page]")).GetAttribute("href"));
    }
}

using System.Net;
using PepFunctions.App.Tests.Support;
using static PepFunctions.App.Tests.Web.PersonPages;

namespace PepFunctions.App.Tests.Web;

/// <summary>A form posted by someone whose role may not use it: the service refuses, the page says so kindly.</summary>
public sealed class RefusedFormPageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Withdrawal_PokmasMentorPostsDirectly_ShowsNotAllowedAndStoresNothing()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");
        using var mentor = await StaffSession.SignInAsync(_app, "mentor.kupang");
        var caseId = await ReleasedAsync(lapas, pk, "WBP-2025-0951", mentor: "mentor.kupang");
        var (_, own) = await mentor.GetAsync($"/kasus/{caseId}");
        Assert.Null(own.QuerySelector("form#withdrawal"));
        var token = own.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var (response, page) = await mentor.PostAsync($"/kasus/{caseId}?handler=Withdrawal",
            [new("Withdrawal.Reason", "ConsentWithdrawn"), new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Peran atau kantor Anda tidak diizinkan melihat atau mengubah data ini.", FormError(page));
        Assert.Contains("Ana Kase", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("WithdrawalRequested", await TimelineActionsAsync(pk, caseId));
        Assert.Equal("Mentoring", (await JsonAsync(pk, $"/api/cases/{caseId}")).GetProperty("progress").GetProperty("stage").GetString());
    }
}

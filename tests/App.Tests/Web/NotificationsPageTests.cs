using System.Net;
using static PepFunctions.App.Tests.Web.PersonPages;

namespace PepFunctions.App.Tests.Web;

public sealed class NotificationsPageTests
{
    [Fact]
    public async Task NotificationsPage_AssessmentDeadlinePassed_ShowsTheReminderWithALinkToThePerson()
    {
        await using var app = await StartAsync("--Pipeline:AssessmentDeadline=00:00:01");
        using var lapas = await StaffSession.SignInAsync(app, "lapas.kupang");
        using var tangerang = await StaffSession.SignInAsync(app, "lapas.tangerang");
        var caseId = await CasePageTests.EnrolAsync(lapas, "WBP-2025-0901");

        var page = await WaitForNotificationAsync(lapas);

        var item = page.QuerySelector("ol.timeline li");
        Assert.Equal("Asesmen terlambat", item?.QuerySelector("b")?.TextContent);
        Assert.Equal(caseId, item?.QuerySelector($"a[href='/kasus/{caseId}']")?.TextContent);
        Assert.Contains(caseId, item?.QuerySelector(".hint")?.TextContent, StringComparison.Ordinal);
        var (_, other) = await tangerang.GetAsync("/notifikasi");
        Assert.Equal("Belum ada notifikasi.", other.QuerySelector("main section p")?.TextContent);
    }

    /// <summary>Reloads <c>/notifikasi</c> until it lists something.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> WaitForNotificationAsync(StaffSession session)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (response, page) = await session.GetAsync("/notifikasi");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (page.QuerySelector("ol.timeline li") is not null)
            {
                return page;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No notification on /notifikasi: {page.QuerySelector("main")?.TextContent}");
            }

            await Task.Delay(100);
        }
    }
}

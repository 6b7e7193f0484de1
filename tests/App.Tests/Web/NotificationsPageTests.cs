using System.Net;
using AngleSharp.Html.Dom;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Web;

public sealed class NotificationsPageTests(NotificationsPageTests.LateAssessmentApp fixture) : IClassFixture<NotificationsPageTests.LateAssessmentApp>
{
    [Fact]
    public async Task NotificationsPage_AssessmentDeadlinePassed_ShowsTheReminderByNameInIndonesianWithALinkToThePerson()
    {
        using var lapas = await StaffSession.SignInAsync(fixture.App, "lapas.kupang");
        using var tangerang = await StaffSession.SignInAsync(fixture.App, "lapas.tangerang");
        var caseId = await CasePageTests.EnrolAsync(lapas, "WBP-2025-0901");

        var page = await WaitForNotificationAsync(lapas);

        var item = page.QuerySelector("ol.timeline li");
        Assert.Equal("Asesmen terlambat", item?.QuerySelector("b")?.TextContent);
        // Staff see the person by name and registration number; the case id stays in the link (and in the message that was sent).
        Assert.Equal("Ana Kase (WBP-2025-0901)", item?.QuerySelector($"a[href='/kasus/{caseId}']")?.TextContent);
        Assert.Equal("Asesmen potensi dan minat belum dicatat tepat waktu.", item?.QuerySelector(".hint")?.TextContent);
        var (_, other) = await tangerang.GetAsync("/notifikasi");
        Assert.Equal("Belum ada notifikasi.", other.QuerySelector("main section p")?.TextContent);
    }

    /// <summary>Reloads <c>/notifikasi</c> until it lists something.</summary>
    private static async Task<IHtmlDocument> WaitForNotificationAsync(StaffSession session)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
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

    /// <summary>The demo accounts, an assessment due a second after enrolment, and notifications sent every second.</summary>
    public sealed class LateAssessmentApp : FeatureApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, Set("Pipeline:AssessmentDeadline", "00:00:01")];

        protected override bool RunTimers => true;
    }
}

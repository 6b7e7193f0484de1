using System.Net;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Web;

/// <summary>
/// Pages show times in the zone of the office they belong to: a follow-up due at 16:30 UTC on 1 December is due on
/// 2 December in Kupang (WITA, UTC+8) and on 1 December in Tangerang (WIB, UTC+7). Storage stays UTC.
/// </summary>
public sealed class LocalTimePageTests(FeatureApp fixture) : IClassFixture<FeatureApp>
{
    private static readonly DateTimeOffset DueAt = new(2026, 12, 1, 16, 30, 0, TimeSpan.Zero);

    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Dashboard_KupangFollowUpDueAt1630Utc_ShowsTheNextDayInWita()
    {
        var caseId = await fixture.SeedCaseAsync(Offices.BapasKupang);
        await AddDueAsync(caseId, Offices.BapasKupang, DueAt);
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");

        var (response, page) = await pk.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("2 Des 2026", DueCell(page, caseId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_TangerangFollowUpDueAt1630Utc_ShowsTheSameDayInWib()
    {
        var caseId = await fixture.SeedCaseAsync(Offices.LppTangerang);
        await AddDueAsync(caseId, Offices.LppTangerang, DueAt);
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.tangerang");

        var (_, page) = await lapas.GetAsync("/");

        Assert.StartsWith("1 Des 2026", DueCell(page, caseId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_DueSoon_IsTheNextSevenDaysOfTheOfficesCalendar()
    {
        // The last minutes of Kupang's seventh day ahead are in; the first minutes of its eighth are out, whatever the UTC date.
        var today = Offices.LocalDate(Offices.BapasKupang, DateTimeOffset.UtcNow);
        var lastDay = today.AddDays(7);
        var inside = await fixture.SeedCaseAsync(Offices.BapasKupang);
        var outside = await fixture.SeedCaseAsync(Offices.BapasKupang);
        await AddDueAsync(inside, Offices.BapasKupang, KupangTime(lastDay, 23, 30));
        await AddDueAsync(outside, Offices.BapasKupang, KupangTime(lastDay.AddDays(1), 0, 30));
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");

        var (_, page) = await pk.GetAsync("/");

        Assert.NotNull(page.QuerySelector($"#follow-ups a[href='/kasus/{inside}']"));
        Assert.Null(page.QuerySelector($"#follow-ups a[href='/kasus/{outside}']"));
    }

    [Fact]
    public async Task PersonPage_KupangFollowUpDueAt1630Utc_ShowsItsWitaDateAndTime()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await CasePageTests.EnrolAsync(lapas, "WBP-TZ-" + RandomNumberGenerator.GetHexString(6));
        var followUps = fixture.Table(FollowUpTables.FollowUps);
        await followUps.CreateIfNotExistsAsync();
        await followUps.AddEntityAsync(new TableEntity(caseId, FollowUpTables.SequenceKey(1))
        {
            ["Sequence"] = 1, ["DueAt"] = DueAt, ["State"] = nameof(FollowUpState.Scheduled), ["OfficeCode"] = Offices.LppKupang,
        });

        var (response, page) = await lapas.GetAsync($"/kasus/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var due = page.QuerySelectorAll(".timeline time").Single(t => t.GetAttribute("datetime") == "2026-12-02T00:30+08:00");
        Assert.Equal("2 Des 2026 00.30 WITA", due.TextContent.Trim());
    }

    [Fact]
    public async Task NotificationsPage_KupangNotificationAt1630Utc_ShowsTheNextDayInWita()
    {
        var caseId = await fixture.SeedCaseAsync(Offices.BapasKupang);
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var sent = fixture.Table(NotificationTables.Sent);
        await sent.CreateIfNotExistsAsync();
        await sent.AddEntityAsync(new SentNotificationEntity
        {
            PartitionKey = "pk.kupang", RowKey = NotificationTables.SentKey(DueAt, id), NotificationId = id, Kind = "FollowUpOverdue",
            CaseId = caseId, FollowUp = 1, Text = "Follow-up 1 is overdue.", CreatedAt = DueAt, DeliveredAt = DueAt,
        });
        using var pk = await StaffSession.SignInAsync(_app, "pk.kupang");

        var (response, page) = await pk.GetAsync("/notifikasi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = page.QuerySelectorAll("ol.timeline li").Single(li => li.QuerySelector($"a[href='/kasus/{caseId}']") is not null);
        var time = item.QuerySelector("time");
        Assert.Equal(("2026-12-02T00:30+08:00", "2 Des 2026"), (time?.GetAttribute("datetime"), time?.TextContent));
    }

    [Fact]
    public async Task PersonPage_KupangAssessmentRecordedAt1630Utc_ShowsTheNextDayInWita()
    {
        using var lapas = await StaffSession.SignInAsync(_app, "lapas.kupang");
        var caseId = await CasePageTests.EnrolAsync(lapas, "WBP-TZ-" + RandomNumberGenerator.GetHexString(6));
        var (saved, _) = await lapas.SubmitAsync($"/kasus/{caseId}", "form#assessment",
            ("Assessment.Interests", "TenunWeaving"), ("Assessment.Education", "Primary"), ("Assessment.CanReadWrite", "true"),
            ("Assessment.PreferredBusiness", "Crafts"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await fixture.Table(CaseOffices.CasesTable).UpdateEntityAsync(new TableEntity(caseId, caseId) { ["AssessedAt"] = DueAt }, ETag.All, TableUpdateMode.Merge);

        var (response, page) = await lapas.GetAsync($"/kasus/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Dicatat oleh Maria (Kasi Binadik, Lapas Perempuan Kupang), 2 Des 2026", page.QuerySelector("#assessment-answers p.hint")?.TextContent);
    }

    private static string DueCell(AngleSharp.Html.Dom.IHtmlDocument page, string caseId)
    {
        var link = page.QuerySelector($"#follow-ups a[href='/kasus/{caseId}']");
        Assert.NotNull(link);
        return link!.ParentElement!.NextElementSibling!.TextContent.Trim();
    }

    private static DateTimeOffset KupangTime(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    private async Task AddDueAsync(string caseId, string office, DateTimeOffset due)
    {
        var table = fixture.Table(FollowUpTables.FollowUpsDue);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(FollowUpTables.DateKey(due), FollowUpTables.DueKey(caseId, 1))
        {
            ["CaseId"] = caseId, ["Sequence"] = 1, ["DueAt"] = due, ["OfficeCode"] = office, ["State"] = nameof(FollowUpState.Scheduled),
        });
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>The sweeps run on demand (<c>POST /api/sweeps/{name}/run</c>), with referrals reminded after 5 seconds.</summary>
public sealed class ReminderSweepTests(ReminderSweepTests.SweepApp app) : IClassFixture<ReminderSweepTests.SweepApp>
{
    [Fact]
    public async Task RunReminderSweep_UnansweredReferral_NotifiesTheMentorOnceAcrossRuns()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var unanswered = await app.SeedCaseAsync(Offices.BapasKupang, mentorUsername: "mentor.kupang");
        var answered = await app.SeedCaseAsync(Offices.BapasKupang, mentorUsername: "mentor.kupang");
        await SubmitAsync(pk, unanswered);
        var answeredId = await SubmitAsync(pk, answered);
        using (var accept = await pk.PostAsJsonAsync($"/api/cases/{answered}/referrals/{answeredId}/answer", new { status = "Accepted" }))
        {
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        }

        // Run the sweep until the referral has waited long enough to be reminded; the next run falls in the same waiting period.
        var first = await RunUntilAsync(admin, ReferralReminderSweep.SweepName, async () => (await NotificationsAsync(unanswered)).Count > 0);
        var second = await RunAsync(admin, ReferralReminderSweep.SweepName);

        Assert.True(first.GetProperty("notified").GetInt32() >= 1, first.ToString());
        var reminder = Assert.Single(await NotificationsAsync(unanswered));
        Assert.Equal(("mentor.kupang", ReferralReminderSweep.NotificationKind), reminder);
        Assert.Empty(await NotificationsAsync(answered));
        // The next run reads no reminder that is not due: the one sent moved on to the next waiting period.
        Assert.Equal(0, second.GetProperty("notified").GetInt32());
    }

    [Fact]
    public async Task RunReminderSweep_ReferralYoungerThanTheWait_NotifiesNobody()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        var caseId = await app.SeedCaseAsync(Offices.BapasKupang);
        await SubmitAsync(pk, caseId);

        await RunAsync(admin, ReferralReminderSweep.SweepName);

        Assert.Empty(await NotificationsAsync(caseId));
    }

    [Fact]
    public async Task RunDailyDigest_OverdueFollowUps_NotifiesEachSupervisorOfTheOfficeOncePerDay()
    {
        var admin = await app.SignInAsync("admin");
        var due = app.Table(FollowUpTables.FollowUpsDue);
        await due.CreateIfNotExistsAsync();
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        foreach (var (state, sequence) in new[] { (FollowUpState.Overdue, 1), (FollowUpState.Scheduled, 2) })
        {
            await due.AddEntityAsync(new TableEntity(FollowUpTables.DateKey(yesterday), FollowUpTables.DueKey("case-bapas-kupang-t1", sequence))
            {
                ["CaseId"] = "case-bapas-kupang-t1", ["Sequence"] = sequence, ["DueAt"] = yesterday, ["OfficeCode"] = Offices.BapasKupang,
                ["MentorUsername"] = "mentor.kupang", ["State"] = state.ToString(),
            });
        }

        var first = await RunAsync(admin, OverdueDigestSweep.SweepName);
        var second = await RunAsync(admin, OverdueDigestSweep.SweepName);

        Assert.Equal((1, 2), (first.GetProperty("examined").GetInt32(), first.GetProperty("notified").GetInt32()));
        Assert.Equal(0, second.GetProperty("notified").GetInt32());
        var digests = (await NotificationsAsync(caseId: null)).Where(n => n.Kind == OverdueDigestSweep.NotificationKind);
        Assert.Equal(["kanwil.ntt", "pk.kupang"], digests.Select(n => n.Recipient).Order());
    }

    [Fact]
    public async Task RunSweep_NotAdministratorOrUnknownName_Returns403Or404()
    {
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");

        using var forbidden = await pk.PostAsync($"/api/sweeps/{ReferralReminderSweep.SweepName}/run", null);
        using var unknown = await admin.PostAsync("/api/sweeps/NoSuchSweep/run", null);
        using var anonymous = await app.App.Http.PostAsync($"/api/sweeps/{ReferralReminderSweep.SweepName}/run", null);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Start_InvalidSchedule_FailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync([new("Sweeps:ReminderSweep", "*/15 * * * *")]));

        Assert.Contains("Sweeps:ReminderSweep", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string> SubmitAsync(HttpClient staff, string caseId)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerName = "Bank NTT", amount = 5_000_000, purpose = "Benang tenun" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referralId").GetString()!;
    }

    private static async Task<JsonElement> RunAsync(HttpClient admin, string sweep)
    {
        using var response = await admin.PostAsync($"/api/sweeps/{sweep}/run", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> RunUntilAsync(HttpClient admin, string sweep, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TestApp.WaitLimit;
        while (true)
        {
            var result = await RunAsync(admin, sweep);
            if (await done())
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{sweep} did not get there within {TestApp.WaitLimit}: {result}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Every notification about <paramref name="caseId"/> (any case when null) queued, pending or already delivered
    /// (read in that order, so none is missed while it moves).
    /// </summary>
    private async Task<List<(string Recipient, string Kind)>> NotificationsAsync(string? caseId)
    {
        var found = new Dictionary<string, (string, string, string?)>();
        foreach (var row in await app.RowsAsync(NotificationTables.Outbox))
        {
            found[row.RowKey] = (row.GetString("Recipient"), row.GetString("Kind"), row.GetString("CaseId"));
        }

        foreach (var row in await app.RowsAsync(NotificationTables.Sent))
        {
            found.TryAdd(row.GetString("NotificationId"), (row.PartitionKey, row.GetString("Kind"), row.GetString("CaseId")));
        }

        return [.. found.Values.Where(n => caseId is null || n.Item3 == caseId).Select(n => (n.Item1, n.Item2))];
    }

    /// <summary>The demo accounts, with capital referrals reminded after 5 seconds without an answer.</summary>
    public sealed class SweepApp : FeatureApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, Set("Pipeline:ReferralWait", "00:00:05")];
    }
}

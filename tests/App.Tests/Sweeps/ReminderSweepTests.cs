using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PepFunctions.App.Capital;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Training;
using PepFunctions.Domain;

using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Sweeps;

public sealed class ReminderSweepTests
{
    [Fact]
    public async Task RunReminderSweep_UnansweredReferral_NotifiesTheMentorOnceAcrossRuns()
    {
        // One reminder per waiting period: both runs fall in the first (1-2 s after submission).
        await using var app = await FeatureApp.StartAsync("--Pipeline:ReferralWait=00:00:01");
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

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var first = await RunAsync(admin, ReferralReminderSweep.SweepName);
        var second = await RunAsync(admin, ReferralReminderSweep.SweepName);

        Assert.Equal((1, 1), (first.GetProperty("examined").GetInt32(), first.GetProperty("notified").GetInt32()));
        Assert.Equal(0, second.GetProperty("notified").GetInt32());
        var reminder = Assert.Single(await NotificationsAsync(app));
        Assert.Equal(("mentor.kupang", ReferralReminderSweep.NotificationKind, unanswered), reminder);
    }

    [Fact]
    public async Task RunReminderSweep_ReferralYoungerThanTheWait_NotifiesNobody()
    {
        await using var app = await FeatureApp.StartAsync();
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");
        await SubmitAsync(pk, await app.SeedCaseAsync(Offices.BapasKupang));

        var result = await RunAsync(admin, ReferralReminderSweep.SweepName);

        Assert.Equal(0, result.GetProperty("notified").GetInt32());
        Assert.Empty(await NotificationsAsync(app));
    }

    [Fact]
    public async Task RunDailyDigest_OverdueFollowUps_NotifiesEachSupervisorOfTheOfficeOncePerDay()
    {
        await using var app = await FeatureApp.StartAsync();
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
        Assert.Equal(["kanwil.ntt", "pk.kupang"], (await NotificationsAsync(app)).Select(n => n.Recipient).Order());
    }

    [Fact]
    public async Task RunSweep_NotAdministratorOrUnknownName_Returns403Or404()
    {
        await using var app = await FeatureApp.StartAsync();
        var pk = await app.SignInAsync("pk.kupang");
        var admin = await app.SignInAsync("admin");

        using var forbidden = await pk.PostAsync($"/api/sweeps/{ReferralReminderSweep.SweepName}/run", null);
        using var unknown = await admin.PostAsync("/api/sweeps/NoSuchSweep/run", null);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Build_InvalidSchedule_OptionsFailNamingTheSetting()
    {
        await using var app = Program.Build(["--Sweeps:ReminderSweep=*/15 * * * *"]);

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SweepsOptions>>().Value);

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

    /// <summary>Every notification queued, pending or already delivered (read in that order, so none is missed while it moves).</summary>
    private static async Task<List<(string Recipient, string Kind, string? CaseId)>> NotificationsAsync(FeatureApp app)
    {
        var found = new Dictionary<string, (string, string, string?)>();
        foreach (var row in await app.RowsAsync(NotificationTables.Outbox))
        {
            found[row.RowKey] = (row.GetString("Recipient"), row.GetString("Kind"), row.GetString("CaseId"));
        }

        var sent = await app.RowsAsync(NotificationTables.Sent);
        foreach (var row in sent)
        {
            found.TryAdd(row.GetString("NotificationId"), (row.PartitionKey, row.GetString("Kind"), row.GetString("CaseId")));
        }

        return [.. found.Values];
    }
}

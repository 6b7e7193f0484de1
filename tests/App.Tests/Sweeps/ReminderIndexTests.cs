using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PepFunctions.App.Capital;
using PepFunctions.App.Files;
using PepFunctions.App.Notifications;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>
/// The referral reminder reads the reminders that are due and nothing else: with hundreds of referrals waiting whose
/// reminder is not due (sent already this period, or not yet a period old), a run reads the due ones' rows, counted
/// request by request, and moves each to its next period.
/// </summary>
public sealed class ReminderIndexTests(FeatureAppForReminders app) : IClassFixture<FeatureAppForReminders>
{
    private const int NotDue = 200;
    private static readonly TimeSpan Wait = TimeSpan.FromDays(1);

    [Fact]
    public async Task RunAsync_ManyReferralsNotDue_ReadsAndRemindsOnlyTheDueOnes()
    {
        var now = DateTimeOffset.UtcNow;
        var reminders = new ReferralReminders(app.App.Services.GetRequiredService<HubStorage>());
        await reminders.SaveTakenUpThroughAsync(now - Wait, CancellationToken.None);
        var waiting = await TableAsync(CapitalTables.ReferralsWaiting);
        var referrals = await TableAsync(CapitalTables.Referrals);
        // Not due: referrals submitted now (their first reminder is a day away) and reminders sent already for this period.
        foreach (var chunk in Enumerable.Range(0, NotDue).Chunk(50))
        {
            await Task.WhenAll(chunk.Select(async n =>
            {
                var row = Waiting($"case-bapas-kupang-nd-{n:D4}", $"ref-{n:D12}", now);
                await waiting.AddEntityAsync(row);
                await reminders.ScheduleAsync(Waiting($"case-bapas-kupang-rm-{n:D4}", $"ref-{n:D12}", now.AddDays(-1.5)), now.AddHours(12), CancellationToken.None);
            }));
        }

        // Due: three unanswered referrals a day and a half old, whose reminder is due now.
        var due = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var caseId = await app.SeedCaseAsync(Offices.BapasKupang, mentorUsername: "mentor.kupang");
            var referralId = $"ref-due{i:D9}";
            var row = Waiting(caseId, referralId, now.AddDays(-1.5));
            await referrals.AddEntityAsync(new TableEntity(caseId, referralId)
            {
                ["PartnerName"] = "Bank NTT", ["Status"] = nameof(ReferralStatus.Submitted), ["SubmittedBy"] = "pk.kupang", ["SubmittedAt"] = row.SubmittedAt,
            });
            await reminders.ScheduleAsync(row, row.SubmittedAt + Wait, CancellationToken.None);
            due.Add(caseId);
        }

        var counted = CountedStorage.For(app.App);
        var result = await Sweep(counted.Storage).RunAsync(app.App.Client, CancellationToken.None);

        Assert.Equal((3, 3), (result.Examined, result.Notified));
        Assert.True(counted.EntitiesRead(ReferralReminders.TableName) == 3, $"Reminders read besides the three due: {counted}");
        Assert.True(counted.EntitiesRead(CapitalTables.Referrals) == 3, $"Referrals read besides the three due: {counted}");
        Assert.True(counted.EntitiesRead(CapitalTables.ReferralsWaiting) == 0, $"Waiting referrals read that are not a period old: {counted}");
        var moved = (await app.RowsAsync(ReferralReminders.TableName)).Where(r => due.Contains(r.GetString("CaseId"))).ToList();
        Assert.Equal(3, moved.Count);
        Assert.All(moved, r => Assert.StartsWith((now.AddDays(-1.5) + 2 * Wait).UtcTicks.ToString("D19")[..10], r.RowKey, StringComparison.Ordinal));

        counted.Reset();
        var again = await Sweep(counted.Storage).RunAsync(app.App.Client, CancellationToken.None);
        Assert.Equal((0, 0), (again.Examined, again.Notified));
        Assert.True(counted.TotalEntitiesRead <= 1, $"A run with nothing due reads its saved place and empty ranges: {counted}");
    }

    private ISweep Sweep(HubStorage storage) =>
        ActivatorUtilities.CreateInstance<ReferralReminderSweep>(app.App.Services, storage, new ReferralReminders(storage), new CaseOffices(storage),
            new NotificationOutbox(storage, TimeProvider.System), Options.Create(new PipelineOptions { ReferralWait = Wait }));

    private async Task<TableClient> TableAsync(string name)
    {
        var table = app.Table(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static WaitingReferralEntity Waiting(string caseId, string referralId, DateTimeOffset submittedAt) => new()
    {
        PartitionKey = Dates.Format(DateOnly.FromDateTime(submittedAt.UtcDateTime)),
        RowKey = WaitingReferralEntity.KeyOf(caseId, referralId),
        SubmittedAt = submittedAt,
        SubmittedBy = "pk.kupang",
        PartnerName = "Bank NTT",
    };
}

/// <summary>The demo accounts, on a task hub of its own.</summary>
public sealed class FeatureAppForReminders : FeatureApp;

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.App.Sweeps;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Sweeps;

/// <summary>
/// The daily digest goes out at 07:00 in each supervisor's own zone: Kupang's (WITA, UTC+8) at 23:00 UTC, Tangerang's
/// (WIB, UTC+7) at 00:00 UTC. The sweep runs against Azurite with a clock the test sets.
/// </summary>
public sealed class OverdueDigestLocalTimeTests : IAsyncLifetime
{
    /// <summary>The digest tells no pipeline anything: a client that would refuse any call.</summary>
    private static readonly DurableTaskClient NoClient = new Mock<DurableTaskClient>(MockBehavior.Strict, "digest").Object;

    private readonly string _hub = TestNames.Hub("digest");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private string _connectionString = "";
    private HubStorage _storage = null!;
    private OverdueDigestSweep _sweep = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;
        _storage = new HubStorage(
            new TableServiceClient(_connectionString), new BlobServiceClient(_connectionString),
            Options.Create(new StorageOptions { TaskHubName = _hub }));
        _sweep = new OverdueDigestSweep(
            _storage, new StaffDirectory(new StaffStore(_storage), Options.Create(new StaffOptions { DemoAccounts = true }), _clock),
            new NotificationOutbox(_storage, _clock), _clock, NullLogger<OverdueDigestSweep>.Instance);

        // Overdue in Kupang (supervised by kanwil.ntt, and by pk.kupang through mentor.kupang) and in Tangerang (kanwil.banten).
        await AddOverdueAsync("case-bapas-kupang-d1", Offices.BapasKupang, "mentor.kupang");
        await AddOverdueAsync("case-lpp-tangerang-d1", Offices.LppTangerang, mentor: null);
    }

    public async Task DisposeAsync()
    {
        var tables = new TableServiceClient(_connectionString);
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {_hub} and TableName lt {_hub + "~"}")))
        {
            await tables.DeleteTableAsync(table.Name);
        }
    }

    [Fact]
    public async Task RunOnScheduleAsync_SevenInTheMorningWita_NotifiesKupangsSupervisorsOnly()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));

        var result = await _sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);

        Assert.Equal(2, result.Notified);
        Assert.Equal(["kanwil.ntt", "pk.kupang"], (await DigestsAsync()).Select(d => d.Recipient).Order());
    }

    [Fact]
    public async Task RunOnScheduleAsync_HourlyForADay_SendsEachSupervisorOneDigestAtSevenLocal()
    {
        // From 17:00 UTC (midnight WIB, 01:00 WITA) for a day: every office's clock passes 07:00 once.
        var firstSent = new Dictionary<string, DateTimeOffset>();
        for (var at = new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero); at < new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero); at = at.AddHours(1))
        {
            _clock.SetUtcNow(at);
            await _sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);
            foreach (var digest in await DigestsAsync())
            {
                firstSent.TryAdd(digest.Recipient, at);
            }
        }

        var wita = new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);
        var wib = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [("kanwil.banten", wib), ("kanwil.ntt", wita), ("pk.kupang", wita)],
            firstSent.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value)));
        Assert.Equal(3, (await DigestsAsync()).Count);
    }

    [Fact]
    public async Task RunOnScheduleAsync_LaterHourlyRunsOfTheSameDay_ReadNoFollowUps()
    {
        var counted = CountedStorage.For(_connectionString, _hub);
        var sweep = new OverdueDigestSweep(
            counted.Storage, new StaffDirectory(new StaffStore(counted.Storage), Options.Create(new StaffOptions { DemoAccounts = true }), _clock),
            new NotificationOutbox(counted.Storage, _clock), _clock, NullLogger<OverdueDigestSweep>.Instance);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)); // 07:00 WIB, 08:00 WITA
        var sent = await sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);
        Assert.Equal(3, sent.Notified);

        counted.Reset();
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        var later = await sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);

        Assert.Equal((0, 0), (later.Examined, later.Notified));
        Assert.True(counted.Requests(FollowUpTables.FollowUpsDue) == 0, $"A later run of the day read the overdue follow-ups: {counted}");
    }

    [Fact]
    public async Task RunOnScheduleAsync_SevenOclockRunMissed_TheNextHourlyRunSendsIt()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero));
        var before = await _sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);

        // 23:00 UTC (07:00 WITA) is missed; 00:00 UTC is 08:00 WITA and 07:00 WIB.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var after = await _sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);

        Assert.Equal((0, 3), (before.Notified, after.Notified));
    }

    [Fact]
    public async Task RunOnScheduleAsync_KupangAtSevenLocal_DatesTheDigestWithKupangsDate()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));

        await _sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);

        var digest = (await DigestsAsync()).First(d => d.Recipient == "kanwil.ntt");
        Assert.Contains("on 2026-12-02:", digest.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnDemandBeforeSevenLocal_SendsEverySupervisorsDigestNow()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

        var result = await _sweep.RunAsync(NoClient, CancellationToken.None);
        var scheduledLater = await _sweep.RunOnScheduleAsync(NoClient, CancellationToken.None);

        Assert.Equal((3, 0), (result.Notified, scheduledLater.Notified));
        Assert.Equal(["kanwil.banten", "kanwil.ntt", "pk.kupang"], (await DigestsAsync()).Select(d => d.Recipient).Order());
    }

    private async Task AddOverdueAsync(string caseId, string office, string? mentor)
    {
        var due = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        var table = await _storage.TableAsync(FollowUpTables.FollowUpsDue, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity(FollowUpTables.DateKey(due), FollowUpTables.DueKey(caseId, 1))
        {
            ["CaseId"] = caseId, ["Sequence"] = 1, ["DueAt"] = due, ["OfficeCode"] = office,
            ["MentorUsername"] = mentor, ["State"] = nameof(FollowUpState.Overdue),
        });
    }

    private async Task<List<(string Recipient, string Detail)>> DigestsAsync()
    {
        var outbox = await _storage.TableAsync(NotificationTables.Outbox, CancellationToken.None);
        var digests = new List<(string, string)>();
        await foreach (var row in outbox.QueryAsync<TableEntity>(cancellationToken: CancellationToken.None))
        {
            if (row.GetString("Kind") == OverdueDigestSweep.NotificationKind)
            {
                digests.Add((row.GetString("Recipient"), row.GetString("Detail") ?? ""));
            }
        }

        return digests;
    }
}

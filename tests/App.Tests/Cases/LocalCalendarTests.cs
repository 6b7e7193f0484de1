using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// Days are counted by the office's calendar, not UTC's: at 23:00 UTC on 1 December it is already 2 December in Kupang
/// (WITA, UTC+8), so "due within 7 days" there runs to the end of 9 December, WITA; and a release recorded that evening in
/// UTC is on the timeline on the Kupang day.
/// </summary>
public sealed class LocalCalendarTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);
    private readonly string _hub = TestNames.Hub("calendar");
    private readonly FakeTimeProvider _clock = new(Now);
    private string _connectionString = "";
    private HubStorage _storage = null!;
    private CaseService _cases = null!;
    private StaffDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;
        _storage = new HubStorage(
            new TableServiceClient(_connectionString), new BlobServiceClient(_connectionString),
            Options.Create(new StorageOptions { TaskHubName = _hub }));
        _directory = new StaffDirectory(new StaffStore(_storage), Options.Create(new StaffOptions { DemoAccounts = true }), _clock);
        _cases = new CaseService(new CaseStore(_storage, _clock), new FollowUpStore(_storage), new CaseTimeline(_storage), _directory, new CaseIdGenerator(TestCaseIds.Key),
            new ReadAudit(_storage, new CaseTimeline(_storage), _clock, NullLogger<ReadAudit>.Instance),
            Options.Create(new PipelineOptions()), _clock, NullLogger<CaseService>.Instance, new UnfinishedActions(_storage));
    }

    public Task DisposeAsync() => TaskHubStorage.DeleteAsync(_connectionString, _hub);

    [Fact]
    public async Task ListDueFollowUpsAsync_SevenDays_RunsToTheEndOfTheSeventhDayAtEachOffice()
    {
        await AddDueAsync("case-bapas-kupang-in", Offices.BapasKupang, new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero));   // 9 Dec 20:00 WITA
        await AddDueAsync("case-bapas-kupang-out", Offices.BapasKupang, new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));  // 10 Dec 09:00 WITA
        await AddDueAsync("case-lpp-tangerang-out", Offices.LppTangerang, new DateTimeOffset(2026, 12, 9, 17, 30, 0, TimeSpan.Zero)); // 10 Dec 00:30 WIB
        await AddDueAsync("case-lpp-tangerang-in", Offices.LppTangerang, new DateTimeOffset(2026, 12, 8, 16, 30, 0, TimeSpan.Zero)); // 8 Dec 23:30 WIB

        var due = await _cases.ListDueFollowUpsAsync(StaffDirectory.FindDemo("admin")!, office: null, window: "7", CancellationToken.None);

        Assert.Equal(["case-lpp-tangerang-in", "case-bapas-kupang-in"], due.Select(d => d.CaseId));
    }

    [Fact]
    public void Released_EveningUtc_IsOnTheTimelineOnTheOfficesDay()
    {
        var detail = TimelineDetail.Released(ReleaseKind.ConditionalLeave, Now, Offices.BapasKupang, "mentor.kupang", 12);

        Assert.Equal("2026-12-02", detail.Parameters[TimelineParameters.Date]);
        Assert.StartsWith("CB on 2026-12-02;", detail.Text, StringComparison.Ordinal);
    }

    private async Task AddDueAsync(string caseId, string office, DateTimeOffset due)
    {
        var table = await _storage.TableAsync(FollowUpTables.FollowUpsDue, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity(FollowUpTables.DateKey(due), FollowUpTables.DueKey(caseId, 1))
        {
            ["CaseId"] = caseId, ["Sequence"] = 1, ["DueAt"] = due, ["OfficeCode"] = office,
            ["MentorUsername"] = null, ["State"] = nameof(FollowUpState.Scheduled),
        });
    }
}

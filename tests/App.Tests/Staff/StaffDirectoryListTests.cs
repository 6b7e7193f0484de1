using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PepFunctions.App.Staff;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Staff;

/// <summary>
/// The list of active staff is read from the directory's partition once per <see cref="StaffOptions.DirectoryCacheFor"/>
/// per app instance, not per request, and a save made in the process takes effect at the next list.
/// </summary>
public sealed class StaffDirectoryListTests : IAsyncLifetime
{
    private readonly string _hub = TestNames.Hub("stafflist");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = (await AzuriteHost.SharedAsync()).ConnectionString;

    public async Task DisposeAsync()
    {
        var tables = new TableServiceClient(_connectionString);
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {_hub} and TableName lt {_hub + "~"}")))
        {
            await tables.DeleteTableAsync(table.Name);
        }
    }

    [Fact]
    public async Task ListAsync_ManyRequests_ReadsThePartitionOncePerCacheTime()
    {
        var counted = CountedStorage.For(_connectionString, _hub);
        var directory = new StaffDirectory(new StaffStore(counted.Storage), Options.Create(new StaffOptions()), _clock);
        await new StaffStore(counted.Storage).SaveAsync([(null, default, Account("pk.satu"))], CancellationToken.None);
        counted.Reset();

        for (var i = 0; i < 20; i++)
        {
            Assert.Contains(await directory.ListAsync(CancellationToken.None), m => m.Username == "pk.satu");
        }

        Assert.True(counted.Requests(StaffStore.TableName, "query") == 1, counted.ToString());
        _clock.Advance(new StaffOptions().DirectoryCacheFor);
        await directory.ListAsync(CancellationToken.None);
        Assert.True(counted.Requests(StaffStore.TableName, "query") == 2, counted.ToString());
    }

    [Fact]
    public async Task ListAsync_AfterASaveInTheProcess_ShowsTheChangeAtOnce()
    {
        var counted = CountedStorage.For(_connectionString, _hub);
        var directory = new StaffDirectory(new StaffStore(counted.Storage), Options.Create(new StaffOptions()), _clock);
        var other = new StaffStore(counted.Storage);
        await other.SaveAsync([(null, default, Account("pk.dua"))], CancellationToken.None);
        Assert.Contains(await directory.ListAsync(CancellationToken.None), m => m.Username == "pk.dua");

        var (before, etag) = (await other.FindAsync("pk.dua", CancellationToken.None))!.Value;
        await other.SaveAsync([(before, etag, before with { Active = false, ChangedBy = "admin", ChangedAt = _clock.GetUtcNow() })], CancellationToken.None);

        Assert.DoesNotContain(await directory.ListAsync(CancellationToken.None), m => m.Username == "pk.dua");
    }

    private StaffAccount Account(string username) =>
        new(username, "PK uji", StaffRole.BapasOfficer, Offices.BapasKupang, null, $"{username}@pep.example", null, true)
        {
            ChangedBy = "admin",
            ChangedAt = _clock.GetUtcNow(),
        };
}

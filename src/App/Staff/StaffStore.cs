using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Staff;

/// <summary>
/// The <c>{hub}Staff</c> table: the staff records and their audit in one partition (<c>member</c>), so a change and its
/// audit entry — or a whole onboarding file — are stored in one transaction; and the Entra object id index (<c>entra</c>).
/// </summary>
/// <remarks>Keys and queries: <c>docs/tables.md</c>, "Staff".</remarks>
public sealed class StaffStore(HubStorage storage)
{
    /// <summary>The table's name after the hub prefix.</summary>
    public const string TableName = "Staff";

    /// <summary>The partition of the records and their audit entries.</summary>
    public const string MemberPartition = "member";

    /// <summary>The partition of the object id index: RowKey the Entra object id, <c>Username</c> the record it is bound to.</summary>
    public const string EntraPartition = "entra";

    /// <summary>Audit rows' keys start with this, after every username (usernames start with a letter or digit).</summary>
    private const string ChangePrefix = "~";

    /// <summary>The most records one transaction stores (each with its audit row: the table's limit of 100 operations).</summary>
    public const int MaxPerTransaction = 50;

    private static long s_saves;

    /// <summary>
    /// How many saves any staff store of this process has made (or tried): a list kept from before a save is stale. Per
    /// process rather than per store, so that a save through any store (tests build their own) reaches every directory.
    /// </summary>
    public static long Saves => Interlocked.Read(ref s_saves);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The row key of <paramref name="username"/>: the name in lower case, so matching ignores case.</summary>
    public static string KeyOf(string username) => username.Trim().ToLowerInvariant();

    /// <summary>The record of <paramref name="username"/> (any case) with its ETag, or null.</summary>
    public async Task<(StaffAccount Account, ETag ETag)?> FindAsync(string username, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(MemberPartition, KeyOf(username), cancellationToken: cancellationToken);
        return row.HasValue ? (ToAccount(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>The username bound to the Entra object id <paramref name="objectId"/>, or null.</summary>
    public async Task<string?> FindBoundAsync(string objectId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(EntraPartition, objectId, ["Username"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("Username") : null;
    }

    /// <summary>Binds <paramref name="objectId"/> to <paramref name="username"/>; false when it is bound to someone else already.</summary>
    public async Task<bool> BindAsync(string objectId, string username, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(EntraPartition, objectId) { ["Username"] = KeyOf(username) }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return string.Equals(await FindBoundAsync(objectId, cancellationToken), KeyOf(username), StringComparison.Ordinal);
        }
    }

    /// <summary>Removes the binding of <paramref name="objectId"/> (its index row); a missing one is fine.</summary>
    public async Task UnbindAsync(string objectId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(EntraPartition, objectId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not bound (any more).
        }
    }

    /// <summary>Every record, active or not.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MemberPartition} and RowKey lt {ChangePrefix}");
        var accounts = new List<StaffAccount>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            accounts.Add(ToAccount(row));
        }

        return accounts;
    }

    /// <summary>The audited changes of <paramref name="username"/>, newest first.</summary>
    public async Task<IReadOnlyList<StaffChange>> ChangesAsync(string username, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var prefix = ChangePrefix + KeyOf(username) + "|";
        var end = prefix[..^1] + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MemberPartition} and RowKey ge {prefix} and RowKey lt {end}");
        var changes = new List<StaffChange>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            changes.Add(new StaffChange(
                row.GetString("Username"), row.GetString("ChangedBy"), row.GetDateTimeOffset("ChangedAt")!.Value,
                row.GetString("BeforeJson") is { } before ? JsonSerializer.Deserialize<StaffAccount>(before, Json) : null,
                JsonSerializer.Deserialize<StaffAccount>(row.GetString("AfterJson"), Json)!));
        }

        return changes;
    }

    /// <summary>
    /// Stores every change and its audit entry in one transaction: all of them or none. A record that is new is added
    /// (409 when it exists by now); a changed one is replaced only if unchanged since it was read (its ETag).
    /// </summary>
    /// <exception cref="ConflictException">A record was added or changed by someone else meanwhile; nothing was stored.</exception>
    public async Task SaveAsync(IReadOnlyList<(StaffAccount? Before, ETag ETag, StaffAccount After)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count is 0 or > MaxPerTransaction)
        {
            throw new ArgumentOutOfRangeException(nameof(changes), changes.Count, $"One transaction stores 1 to {MaxPerTransaction} records.");
        }

        var table = await storage.TableAsync(TableName, cancellationToken);
        var actions = new List<TableTransactionAction>();
        foreach (var (before, etag, after) in changes)
        {
            var row = ToRow(after);
            actions.Add(before is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ChangeRow(before, after)));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConflictException("A staff record was added or changed by someone else meanwhile: read it again and retry.");
        }
        finally
        {
            // Counted whether or not it landed (a timeout may hide a save that did): lists kept by StaffDirectory are read again.
            Interlocked.Increment(ref s_saves);
        }
    }

    private static TableEntity ToRow(StaffAccount account) => new(MemberPartition, KeyOf(account.Username))
    {
        ["Username"] = account.Username,
        ["DisplayName"] = account.DisplayName,
        ["Role"] = account.Role.ToString(),
        ["OfficeCode"] = account.OfficeCode,
        ["Supervisor"] = account.Supervisor,
        ["Email"] = account.Email,
        ["Phone"] = account.Phone,
        ["ReminderChannel"] = account.ReminderChannel.ToString(),
        ["Active"] = account.Active,
        ["ObjectId"] = account.ObjectId,
        ["TenantId"] = account.TenantId,
        ["ChangedBy"] = account.ChangedBy,
        ["ChangedAt"] = account.ChangedAt,
    };

    private static TableEntity ChangeRow(StaffAccount? before, StaffAccount after)
    {
        var at = after.ChangedAt ?? throw new ArgumentException("A change carries its time.", nameof(after));
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new TableEntity(MemberPartition, $"{ChangePrefix}{KeyOf(after.Username)}|{inverted}-{Guid.NewGuid():N}")
        {
            ["Username"] = after.Username,
            ["ChangedBy"] = after.ChangedBy,
            ["ChangedAt"] = at,
            ["BeforeJson"] = before is null ? null : JsonSerializer.Serialize(before, Json),
            ["AfterJson"] = JsonSerializer.Serialize(after, Json),
        };
    }

    private static StaffAccount ToAccount(TableEntity row) => new(
        row.GetString("Username"), row.GetString("DisplayName"), Enum.Parse<StaffRole>(row.GetString("Role")), row.GetString("OfficeCode"),
        row.GetString("Supervisor"), row.GetString("Email"), row.GetString("Phone"), row.GetBoolean("Active") ?? false)
    {
        ReminderChannel = Enum.TryParse<Notifications.ReminderChannel>(row.GetString("ReminderChannel"), out var channel) ? channel : Notifications.ReminderChannel.Email,
        ObjectId = row.GetString("ObjectId"),
        TenantId = row.GetString("TenantId"),
        ChangedBy = row.GetString("ChangedBy"),
        ChangedAt = row.GetDateTimeOffset("ChangedAt"),
    };
}

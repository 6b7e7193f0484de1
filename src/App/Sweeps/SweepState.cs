using Azure.Data.Tables;
using PepFunctions.App.Files;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// A sweep's saved places (<c>SweepState</c>: PartitionKey = sweep name, RowKey = what the place is in), so a run
/// starts where the last one stopped, or skips what an earlier run of the day has done.
/// </summary>
internal sealed class SweepState(HubStorage storage)
{
    /// <summary>The table, without the hub prefix.</summary>
    public const string TableName = ReferralReminders.StateTable;

    /// <summary>The saved value, or null; one point read.</summary>
    public async Task<string?> GetAsync(string sweep, string key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(sweep, key, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Value") : null;
    }

    /// <summary>Saves <paramref name="value"/> (written again, it replaces itself).</summary>
    public async Task SaveAsync(string sweep, string key, string value, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(sweep, key) { ["Value"] = value }, TableUpdateMode.Replace, cancellationToken);
    }
}

using System.Globalization;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;

namespace PepFunctions.App.Privacy;

/// <summary>
/// The audit trail only administrators see (<c>PersonalDataAudit</c>: PartitionKey the case id, RowKey time and a short id):
/// a correction's old and new values (Field, OldValue, NewValue, By, At). The case's timeline says only which fields changed.
/// Deleted with the rest by an erasure.
/// </summary>
public sealed class PersonalDataAudit(HubStorage storage)
{
    /// <summary>The table's name after the hub prefix.</summary>
    public const string TableName = "PersonalDataAudit";

    /// <summary>Writes one changed field, keyed by the correction's action key and the field, so a retry writes the same row.</summary>
    internal async Task WriteAsync(string caseId, string field, string? oldValue, string? newValue, string by, DateTimeOffset at, string actionKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(caseId, "k-" + StableIds.From(actionKey + "|" + field, 24))
        {
            ["Field"] = field,
            ["OldValue"] = oldValue,
            ["NewValue"] = newValue,
            ["By"] = by,
            ["At"] = at,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The case's corrections, oldest first.</summary>
    internal async Task<IReadOnlyList<CorrectionAuditEntry>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var entries = new List<CorrectionAuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            entries.Add(new(row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, row.GetString("By"), row.GetString("Field"), row.GetString("OldValue"), row.GetString("NewValue")));
        }

        return [.. entries.OrderBy(e => e.At)];
    }
}

/// <summary>One corrected field, as administrators see it.</summary>
public sealed record CorrectionAuditEntry(DateTimeOffset At, string By, string Field, string? OldValue, string? NewValue)
{
    /// <summary>For logs and tests: the field and time only, never the values.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Field} corrected at {At:O} by {By}");
}

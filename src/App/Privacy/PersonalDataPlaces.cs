using Azure.Data.Tables;
using PepFunctions.App.Capital;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Marketing;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Training;

namespace PepFunctions.App.Privacy;

/// <summary>How a table's rows of one case are found.</summary>
internal enum RowsOfCase
{
    /// <summary>PartitionKey is the case id.</summary>
    Partition,

    /// <summary>RowKey is the case id (one row per office or batch).</summary>
    RowKey,

    /// <summary>RowKey starts with <c>{case id}|</c>.</summary>
    RowKeyPrefix,

    /// <summary>A <c>CaseId</c> column names the case.</summary>
    CaseIdColumn,
}

/// <summary>What an erasure does to a table's rows of the case.</summary>
internal enum ErasureRule
{
    /// <summary>The rows are deleted.</summary>
    Delete,

    /// <summary>The rows stay, without the listed columns: de-identified values the programme's figures count.</summary>
    Anonymise,
}

/// <summary>One table the app writes a person's data to (documented in <c>docs/privacy.md</c>).</summary>
/// <param name="Table">The table's name after the hub prefix.</param>
/// <param name="Find">How the case's rows are found.</param>
/// <param name="Rule">What an erasure does to them.</param>
/// <param name="Cleared">The columns an anonymisation empties.</param>
internal sealed record PersonalDataPlace(string Table, RowsOfCase Find, ErasureRule Rule, params string[] Cleared)
{
    /// <summary>The filter that finds the case's rows.</summary>
    public string FilterFor(string caseId) => Find switch
    {
        RowsOfCase.Partition => TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"),
        RowsOfCase.RowKey => TableClient.CreateQueryFilter($"RowKey eq {caseId}"),
        // '|' is followed by '}' in ASCII: every key that starts with "{caseId}|" sorts between the two.
        RowsOfCase.RowKeyPrefix => TableClient.CreateQueryFilter($"RowKey ge {caseId + "|"} and RowKey lt {caseId + "}"}"),
        _ => TableClient.CreateQueryFilter($"CaseId eq {caseId}"),
    };
}

/// <summary>Every table that holds a person's data, for the export and the erasure (and the document that lists them).</summary>
/// <remarks>
/// <c>Cases</c> and <c>CasesByOffice</c> are anonymised by <see cref="CaseErasure"/> itself, through the case store, so the
/// summary follows the record; <c>NotificationsDelivered</c> is found through <c>NotificationsSent</c>; blobs by the
/// <c>{caseId}/</c> prefix; the pipeline's history by purging its instance.
/// </remarks>
internal static class PersonalDataPlaces
{
    /// <summary>The tables read for the export and cleaned by the erasure, in erasure order.</summary>
    public static readonly IReadOnlyList<PersonalDataPlace> Tables =
    [
        new(CaseTables.Timeline, RowsOfCase.Partition, ErasureRule.Delete),
        new(FollowUpTables.FollowUps, RowsOfCase.Partition, ErasureRule.Delete),
        new(FollowUpTables.FollowUpsDue, RowsOfCase.CaseIdColumn, ErasureRule.Delete),
        new(TrainingTables.CaseTrainings, RowsOfCase.Partition, ErasureRule.Delete),
        new(TrainingTables.Enrolments, RowsOfCase.RowKey, ErasureRule.Anonymise, "Reason", "EnrolKey"),
        new(CapitalTables.Referrals, RowsOfCase.Partition, ErasureRule.Anonymise, "Purpose", "Reason"),
        new(CapitalTables.ReferralsWaiting, RowsOfCase.RowKeyPrefix, ErasureRule.Delete),
        new(CapitalTables.Permits, RowsOfCase.Partition, ErasureRule.Delete),
        new(MarketingTables.Products, RowsOfCase.Partition, ErasureRule.Delete),
        new(MarketingTables.ProductsForCuration, RowsOfCase.RowKeyPrefix, ErasureRule.Delete),
        new(ShowcaseService.Table, RowsOfCase.Partition, ErasureRule.Delete),
        new(MarketingTables.Sales, RowsOfCase.Partition, ErasureRule.Anonymise),
        new(NotificationTables.Outbox, RowsOfCase.CaseIdColumn, ErasureRule.Delete),
        new(NotificationTables.Sent, RowsOfCase.CaseIdColumn, ErasureRule.Delete),
        new(ChannelMessages.TableName, RowsOfCase.CaseIdColumn, ErasureRule.Delete),
        new(ActionLog.TableName, RowsOfCase.CaseIdColumn, ErasureRule.Delete),
        // Who read or corrected the person outlives the erasure, pseudonymised (the random id); the corrected values do not.
        new(ReadAudit.TableName, RowsOfCase.CaseIdColumn, ErasureRule.Anonymise),
        new(PersonalDataAudit.TableName, RowsOfCase.Partition, ErasureRule.Anonymise, "OldValue", "NewValue"),
    ];

    /// <summary>Every row of <paramref name="place"/> about the case; none when the table does not exist yet.</summary>
    public static async Task<List<TableEntity>> RowsAsync(TableClient table, PersonalDataPlace place, string caseId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(place.FilterFor(caseId), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}

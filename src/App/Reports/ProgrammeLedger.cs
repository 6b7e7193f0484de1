using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using PepFunctions.App.Files;

namespace PepFunctions.App.Reports;

/// <summary>
/// The programme's counters (<c>ProgrammeFacts</c>): one row per fact, in a partition per office and month, keyed by what
/// it counts and its subject. Writing a fact again replaces it, so a retried action, a re-run activity or the pipeline
/// repair never counts twice; the report reads the partitions of its offices and months and adds them up.
/// </summary>
/// <remarks>
/// Rows hold no id that names a person: the subject and the person are hashed (of an opaque case id, a referral or
/// product id). Nothing here is erased with a person: these are the de-identified figures the programme is judged by.
/// </remarks>
public sealed class ProgrammeLedger(HubStorage storage)
{
    /// <summary>The table's name after the hub prefix.</summary>
    public const string TableName = "ProgrammeFacts";

    /// <summary>Writes <paramref name="fact"/>, replacing an earlier write of the same fact.</summary>
    public async Task RecordAsync(ProgrammeFact fact, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(fact), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The facts of <paramref name="officeCode"/> in <paramref name="month"/> (<c>yyyy-MM</c>): one partition.</summary>
    public async Task<IReadOnlyList<ProgrammeFact>> ReadAsync(string officeCode, string month, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var facts = new List<ProgrammeFact>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(officeCode, month)}"), cancellationToken: cancellationToken))
        {
            facts.Add(new ProgrammeFact(
                Enum.Parse<ProgrammeFigure>(row.GetString("Figure")), officeCode, month, row.RowKey, row.GetString("Person") ?? "",
                row.GetString("Dimension"), row.GetInt64("Amount") ?? 0, row.GetString("Detail")));
        }

        return facts;
    }

    /// <summary>Deletes every fact (before a rebuild from the records) except those about the people <paramref name="kept"/> names.</summary>
    /// <param name="kept">The opaque keys (<see cref="Opaque"/>) of people whose facts stay: the erased, whose records are gone.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task ClearAsync(IReadOnlySet<string> kept, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Person"], cancellationToken: cancellationToken))
        {
            if (!kept.Contains(row.GetString("Person") ?? ""))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>An opaque key of <paramref name="value"/> (a case id, a referral or product id).</summary>
    public static string Opaque(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24];

    private static TableEntity ToEntity(ProgrammeFact fact) =>
        new(PartitionOf(fact.OfficeCode, fact.Month), $"{fact.Figure}|{Opaque(fact.Subject)}")
        {
            ["Figure"] = fact.Figure.ToString(),
            ["Person"] = fact.Person,
            ["Dimension"] = fact.Dimension,
            ["Amount"] = fact.Amount,
            ["Detail"] = fact.Detail,
        };

    private static string PartitionOf(string officeCode, string month) => $"{officeCode.ToUpperInvariant()}|{month}";
}

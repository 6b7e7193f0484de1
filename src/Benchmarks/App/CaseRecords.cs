using Azure.Data.Tables;

namespace PepFunctions.Benchmarks.App;

/// <summary>
/// Reads the app's case records (<c>{hub}Cases</c>, one row per case keyed by its id, with its <c>Stage</c>) straight
/// from Azurite, past the counting proxy: the benchmark waits on them without adding to the requests it counts.
/// </summary>
/// <remarks>These are the rows <c>GET /api/cases/{id}</c> answers from; the staff part confirms each through the API as well.</remarks>
internal sealed class CaseRecords(TableClient cases)
{
    public async Task<string?> StageAsync(string caseId)
    {
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseId, caseId, select: ["Stage"]);
        return row.HasValue ? row.Value!.GetString("Stage") : null;
    }

    /// <summary>How many cases are at <paramref name="stage"/>.</summary>
    public async Task<int> CountAsync(string stage)
    {
        var count = 0;
        await foreach (var _ in cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Stage eq {stage}"), maxPerPage: 1000, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}

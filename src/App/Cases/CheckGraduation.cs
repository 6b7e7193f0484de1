using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>Whether the case's business has sold in enough months to graduate (<see cref="GraduationRule"/>).</summary>
/// <remarks>
/// Reads the sales the marketing feature records in <c>{hub}Sales</c>: PartitionKey = case id, RowKey = the
/// month <c>yyyy-MM</c>, property <c>SalesRupiah</c> (Int64). No table, or no rows, means no sales yet.
/// </remarks>
public sealed class CheckGraduation(HubStorage storage) : TaskActivity<GraduationCheck, bool>
{
    /// <summary>The sales table's name after the hub prefix.</summary>
    public const string SalesTable = "Sales";

    /// <summary>The sales property, in rupiah.</summary>
    public const string SalesRupiahProperty = "SalesRupiah";

    /// <summary>The activity function.</summary>
    [Function(nameof(CheckGraduation))]
    public Task<bool> RunFunctionAsync([ActivityTrigger] GraduationCheck input) => RunAsync(new FunctionActivityContext(nameof(CheckGraduation)), input);

    /// <inheritdoc />
    /// <returns>True when the person has graduated.</returns>
    public override async Task<bool> RunAsync(TaskActivityContext context, GraduationCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await IsGraduatedAsync(storage, input.CaseId, input.RequiredMonths, CancellationToken.None);
    }

    /// <summary>Whether the sales recorded for the case meet <see cref="GraduationRule"/> with <paramref name="requiredMonths"/>.</summary>
    internal static async Task<bool> IsGraduatedAsync(HubStorage storage, string caseId, int requiredMonths, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(SalesTable, cancellationToken);
        var sales = new List<MonthlySales>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", SalesRupiahProperty], cancellationToken: cancellationToken))
            {
                if (DateOnly.TryParseExact(row.RowKey + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                {
                    sales.Add(new MonthlySales(month.Year, month.Month, row.GetInt64(SalesRupiahProperty) ?? 0));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        return GraduationRule.IsGraduated(sales, requiredMonths);
    }
}

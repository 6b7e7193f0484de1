namespace PepFunctions.Domain;

/// <summary>Decides when a person's business has taken off and their case graduates.</summary>
/// <remarks>
/// Graduated means sales in at least <c>requiredMonths</c> distinct calendar months (3 by default, see
/// <see cref="PipelineOptions.GraduationMonths"/>); the months need not be consecutive. Several entries for
/// the same month are added together, so a month counts once, and only when its total is above zero.
/// </remarks>
public static class GraduationRule
{
    /// <summary>The number of distinct months with sales above zero.</summary>
    public static int SellingMonths(IReadOnlyList<MonthlySales> sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        return sales
            .GroupBy(entry => (entry.Year, entry.Month))
            .Count(month => month.Sum(entry => entry.SalesRupiah) > 0);
    }

    /// <summary>Whether the business sold in at least <paramref name="requiredMonths"/> distinct months.</summary>
    public static bool IsGraduated(IReadOnlyList<MonthlySales> sales, int requiredMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requiredMonths, 1);
        return SellingMonths(sales) >= requiredMonths;
    }
}

namespace PepFunctions.Domain.Tests;

public sealed class GraduationRuleTests
{
    [Fact]
    public void IsGraduated_SalesInThreeMonths_True() =>
        Assert.True(GraduationRule.IsGraduated([new(2025, 1, 250_000), new(2025, 2, 400_000), new(2025, 3, 150_000)], requiredMonths: 3));

    [Fact]
    public void IsGraduated_SalesInTwoOfThreeMonths_False() =>
        Assert.False(GraduationRule.IsGraduated([new(2025, 1, 250_000), new(2025, 2, 0), new(2025, 3, 150_000)], requiredMonths: 3));

    [Fact]
    public void IsGraduated_SameMonthEnteredTwice_CountsOnce() =>
        Assert.False(GraduationRule.IsGraduated([new(2025, 1, 100_000), new(2025, 1, 50_000), new(2025, 2, 75_000)], requiredMonths: 3));

    [Fact]
    public void IsGraduated_SameMonthNumberInDifferentYears_CountsTwice() =>
        Assert.True(GraduationRule.IsGraduated([new(2025, 1, 100_000), new(2026, 1, 100_000)], requiredMonths: 2));

    [Fact]
    public void IsGraduated_MonthsNotConsecutive_StillCount() =>
        Assert.True(GraduationRule.IsGraduated([new(2025, 1, 1), new(2025, 6, 1), new(2025, 11, 1)], requiredMonths: 3));

    [Fact]
    public void SellingMonths_CorrectionEntryCancellingAMonth_DoesNotCountIt() =>
        Assert.Equal(1, GraduationRule.SellingMonths([new(2025, 1, 100_000), new(2025, 2, 80_000), new(2025, 2, -80_000)]));

    [Fact]
    public void IsGraduated_NoSales_False() =>
        Assert.False(GraduationRule.IsGraduated([], requiredMonths: 1));

    [Fact]
    public void IsGraduated_ZeroRequiredMonths_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GraduationRule.IsGraduated([], requiredMonths: 0));
}

using PepFunctions.App.Web;

namespace PepFunctions.App.Tests.Web;

public sealed class WholeNumberBinderTests
{
    [Theory]
    [InlineData("10.000.000", "10000000")]
    [InlineData("10,000,000", "10000000")]
    [InlineData("10 000 000", "10000000")]
    [InlineData("Rp10.000.000", "10000000")]
    [InlineData("Rp 250.000", "250000")]
    [InlineData("5000000", "5000000")]
    public void Normalise_ThousandsGrouped_GivesTheDigits(string typed, string digits) =>
        Assert.Equal(digits, WholeNumberBinder.Normalise(typed));

    [Theory]
    [InlineData("10.00.000")]
    [InlineData("1,5")]
    [InlineData("10.000,50")]
    [InlineData("-5000")]
    [InlineData("lima juta")]
    [InlineData("10..000")]
    public void Normalise_NotAWholeNumberInGroupsOfThree_IsNull(string typed) =>
        Assert.Null(WholeNumberBinder.Normalise(typed));
}

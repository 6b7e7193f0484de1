namespace PepFunctions.Domain.Tests;

public sealed class KurTierTests
{
    [Theory]
    [InlineData(1L, "KUR Super Mikro")]
    [InlineData(10_000_000L, "KUR Super Mikro")]
    [InlineData(10_000_001L, "KUR Mikro")]
    [InlineData(100_000_000L, "KUR Mikro")]
    [InlineData(100_000_001L, "KUR Kecil")]
    [InlineData(500_000_000L, "KUR Kecil")]
    public void For_AmountAtOrAcrossABoundary_IsTheSmallestTierCoveringIt(long amount, string tier) =>
        Assert.Equal(tier, KurTier.For(amount)?.Name);

    [Fact]
    public void For_AboveFiveHundredMillion_NotKur() =>
        Assert.Null(KurTier.For(500_000_001));

    [Fact]
    public void For_Zero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KurTier.For(0));

    [Fact]
    public void All_OnlyKecil_NeedsCollateral() =>
        Assert.Equal([false, false, true], KurTier.All.Select(tier => tier.CollateralRequired));
}

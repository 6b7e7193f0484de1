namespace PepFunctions.Domain.Tests;

public sealed class ReferralTests
{
    private static readonly Referral Oven = new("ref-1", "Bank NTT", FinancingPartnerKind.KurBank, 8_000_000, "Oven dan bahan baku kue");

    [Fact]
    public void Validate_SmallKurReferral_NoErrors() =>
        Assert.Empty(Oven.Validate());

    [Fact]
    public void MatchingKurTier_KurBank_IsTheAmountsTier() =>
        Assert.Equal(KurTier.SuperMikro, Oven.MatchingKurTier());

    [Fact]
    public void MatchingKurTier_Pegadaian_Null() =>
        Assert.Null((Oven with { PartnerName = "Pegadaian", Kind = FinancingPartnerKind.Pegadaian }).MatchingKurTier());

    [Fact]
    public void Validate_KurAboveEveryTier_ReportsAmountWithTheLimit()
    {
        var error = Assert.Single((Oven with { Amount = 600_000_000 }).Validate());

        Assert.Equal(("Amount", "KUR lends at most Rp500.000.000."), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_EmptyFields_ReportsEachField() =>
        Assert.Equal(
            ["ReferralId", "PartnerName", "Amount", "Purpose"],
            new Referral("", " ", FinancingPartnerKind.Cooperative, 0, "").Validate().Select(error => error.Field));

    [Theory]
    [InlineData(0L, "Rp0")]
    [InlineData(999L, "Rp999")]
    [InlineData(10_000_000L, "Rp10.000.000")]
    public void RupiahFormat_Amount_UsesDotsBetweenThousands(long amount, string expected) =>
        Assert.Equal(expected, Rupiah.Format(amount));

    [Fact]
    public void FinancingPartnersFor_Banten_LeavesOutBankNtt()
    {
        Assert.Contains("Bank NTT", FinancingPartners.For(Provinces.NusaTenggaraTimur).Select(partner => partner.Name));
        Assert.DoesNotContain("Bank NTT", FinancingPartners.For(Provinces.Banten).Select(partner => partner.Name));
        Assert.Contains("Pegadaian", FinancingPartners.For(Provinces.Banten).Select(partner => partner.Name));
    }
}

namespace PepFunctions.Domain.Tests;

public sealed class ReferralBoundsTests
{
    [Fact]
    public void Validate_UndefinedKindHugeAmountLongPurposeAndName_NamesEveryField()
    {
        var referral = new Referral("ref-1", new string('x', Referral.MaxPartnerNameLength + 1), (FinancingPartnerKind)999,
            Referral.MaxAmount + 1, new string('x', Referral.MaxPurposeLength + 1));

        var fields = referral.Validate().Select(error => error.Field).Order(StringComparer.Ordinal);

        Assert.Equal([nameof(Referral.Amount), nameof(Referral.Kind), nameof(Referral.PartnerName), nameof(Referral.Purpose)], fields);
    }
}

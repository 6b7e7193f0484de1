namespace PepFunctions.Domain.Tests;

public sealed class ReferralTransitionsTests
{
    [Theory]
    [InlineData(ReferralStatus.Submitted, ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.Submitted, ReferralStatus.Rejected)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Disbursed)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Rejected)]
    public void Check_AllowedMove_AllowedWithoutMessage(ReferralStatus from, ReferralStatus to) =>
        Assert.Equal(new StatusChange(true, null), ReferralTransitions.Check(from, to));

    [Fact]
    public void Check_DisbursedBeforeAccepted_RefusedSayingItMustBeAcceptedFirst()
    {
        var change = ReferralTransitions.Check(ReferralStatus.Submitted, ReferralStatus.Disbursed);

        Assert.False(change.Allowed);
        Assert.Equal("A referral cannot be Disbursed before the partner has Accepted it.", change.Message);
    }

    [Theory]
    [InlineData(ReferralStatus.Rejected, ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.Disbursed, ReferralStatus.Rejected)]
    public void Check_FromFinalStatus_RefusedAsFinal(ReferralStatus from, ReferralStatus to)
    {
        var change = ReferralTransitions.Check(from, to);

        Assert.False(change.Allowed);
        Assert.Contains("final", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BackToSubmitted_Refused() =>
        Assert.Equal("A referral cannot go back to Submitted.", ReferralTransitions.Check(ReferralStatus.Accepted, ReferralStatus.Submitted).Message);

    [Fact]
    public void Check_SameStatus_RefusedAsAlreadyThere() =>
        Assert.Equal("The referral is already Accepted.", ReferralTransitions.Check(ReferralStatus.Accepted, ReferralStatus.Accepted).Message);

    [Fact]
    public void Apply_AllowedMove_ReturnsTheNewStatus() =>
        Assert.Equal(ReferralStatus.Disbursed, ReferralTransitions.Apply(ReferralStatus.Accepted, ReferralStatus.Disbursed));

    [Fact]
    public void Apply_InvalidMove_ThrowsWithTheMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReferralTransitions.Apply(ReferralStatus.Submitted, ReferralStatus.Disbursed));

        Assert.Contains("Accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedFrom_FinalStatuses_Empty()
    {
        Assert.Empty(ReferralTransitions.AllowedFrom(ReferralStatus.Rejected));
        Assert.Empty(ReferralTransitions.AllowedFrom(ReferralStatus.Disbursed));
    }
}

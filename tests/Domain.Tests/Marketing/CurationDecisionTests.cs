namespace PepFunctions.Domain.Tests;

public sealed class CurationDecisionTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 11, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Approve_Curator_RecordsWhoAndWhen()
    {
        var decision = CurationDecision.Approve("kurator.pusat", At);

        Assert.Equal(new CurationDecision(CurationStatus.Approved, "kurator.pusat", At, null), decision);
        Assert.Empty(decision.Validate());
    }

    [Fact]
    public void Reject_WithoutReason_Throws() =>
        Assert.Throws<ArgumentException>(() => CurationDecision.Reject("kurator.pusat", At, " "));

    [Fact]
    public void Validate_RejectionBuiltWithoutReason_ReportsReason() =>
        Assert.Equal("Reason", Assert.Single(new CurationDecision(CurationStatus.Rejected, "kurator.pusat", At, null).Validate()).Field);

    [Fact]
    public void Validate_ApprovalWithoutCuratorOrTime_ReportsBoth() =>
        Assert.Equal(["DecidedBy", "DecidedAt"], new CurationDecision(CurationStatus.Approved, null, null, null).Validate().Select(error => error.Field));

    [Fact]
    public void Pending_Validate_NoErrors() =>
        Assert.Empty(CurationDecision.Pending.Validate());
}

namespace PepFunctions.Domain.Tests;

public sealed class ReleaseRecordTests
{
    private static readonly DateOnly Release = new(2025, 3, 1);

    [Fact]
    public void Validate_ParoleWithoutSentenceEnd_ReportsSentenceEnd()
    {
        var error = Assert.Single(new ReleaseRecord(Release, ReleaseKind.Parole, null).Validate());

        Assert.Equal("SentenceEnd", error.Field);
        Assert.Contains("PB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SentenceEndBeforeRelease_ReportsSentenceEnd() =>
        Assert.Equal("SentenceEnd", Assert.Single(new ReleaseRecord(Release, ReleaseKind.PreReleaseLeave, Release.AddDays(-1)).Validate()).Field);

    [Fact]
    public void Validate_EndOfSentenceWithoutSentenceEnd_NoErrors() =>
        Assert.Empty(new ReleaseRecord(Release, ReleaseKind.EndOfSentence, null).Validate());

    [Fact]
    public void SupervisionEnd_Parole_FollowsTheSupervisionRule() =>
        Assert.Equal(new DateOnly(2027, 1, 15), new ReleaseRecord(Release, ReleaseKind.Parole, new DateOnly(2026, 1, 15)).SupervisionEnd());

    [Fact]
    public void SupervisionEnd_InvalidRecord_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new ReleaseRecord(Release, ReleaseKind.Parole, null).SupervisionEnd());
}

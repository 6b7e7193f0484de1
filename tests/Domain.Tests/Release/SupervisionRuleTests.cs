namespace PepFunctions.Domain.Tests;

public sealed class SupervisionRuleTests
{
    private static readonly DateOnly Release = new(2025, 3, 1);

    [Fact]
    public void SupervisionEnd_Parole_IsSentenceEndPlusOneYear() =>
        Assert.Equal(new DateOnly(2027, 1, 15), SupervisionRule.SupervisionEnd(ReleaseKind.Parole, Release, new DateOnly(2026, 1, 15)));

    [Fact]
    public void SupervisionEnd_ParoleSentenceEndingOnLeapDay_EndsOnTheLastDayOfFebruary() =>
        Assert.Equal(new DateOnly(2029, 2, 28), SupervisionRule.SupervisionEnd(ReleaseKind.Parole, Release, new DateOnly(2028, 2, 29)));

    [Theory]
    [InlineData(ReleaseKind.ConditionalLeave)]
    [InlineData(ReleaseKind.PreReleaseLeave)]
    [InlineData(ReleaseKind.Assimilation)]
    public void SupervisionEnd_OtherIntegrationProgramme_IsSentenceEnd(ReleaseKind kind) =>
        Assert.Equal(new DateOnly(2025, 8, 1), SupervisionRule.SupervisionEnd(kind, Release, new DateOnly(2025, 8, 1)));

    [Fact]
    public void SupervisionEnd_EndOfSentence_IsNull() =>
        Assert.Null(SupervisionRule.SupervisionEnd(ReleaseKind.EndOfSentence, Release, Release));

    [Fact]
    public void SupervisionEnd_SentenceEndBeforeRelease_ThrowsNamingBothDates()
    {
        var error = Assert.Throws<ArgumentException>(() => SupervisionRule.SupervisionEnd(ReleaseKind.Parole, Release, new DateOnly(2025, 2, 1)));

        Assert.Contains("2025-02-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025-03-01", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReleaseKind.EndOfSentence, "Bebas murni", "Bebas murni")]
    [InlineData(ReleaseKind.Parole, "Pembebasan bersyarat", "PB")]
    [InlineData(ReleaseKind.ConditionalLeave, "Cuti bersyarat", "CB")]
    [InlineData(ReleaseKind.PreReleaseLeave, "Cuti menjelang bebas", "CMB")]
    [InlineData(ReleaseKind.Assimilation, "Asimilasi", "asimilasi")]
    public void ReleaseKindNames_Kind_IndonesianNameAndAbbreviation(ReleaseKind kind, string name, string abbreviation)
    {
        Assert.Equal(name, kind.IndonesianName());
        Assert.Equal(abbreviation, kind.Abbreviation());
    }
}

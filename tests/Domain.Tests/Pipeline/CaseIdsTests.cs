namespace PepFunctions.Domain.Tests;

public sealed class CaseIdsTests
{
    [Fact]
    public void For_OfficeAndRegistrationNumber_LowerCaseCaseId() =>
        Assert.Equal("case-lpp-kupang-wbp-2024-0012", CaseIds.For("LPP-KUPANG", "WBP-2024-0012"));

    [Theory]
    [InlineData("B.I/12", "case-lpp-kupang-b-i-12")]
    [InlineData("AII 45", "case-lpp-kupang-aii-45")]
    [InlineData("Ré#7?", "case-lpp-kupang-r--7-")]
    public void For_CharactersOutsideLowerCaseLettersDigitsAndDash_ReplacedByDash(string registration, string expected) =>
        Assert.Equal(expected, CaseIds.For("LPP-KUPANG", registration));

    [Fact]
    public void For_SameInputsAnyCase_SameId() =>
        Assert.Equal(CaseIds.For("LPP-KUPANG", "WBP-2024-0012"), CaseIds.For("lpp-kupang", "wbp-2024-0012"));

    [Fact]
    public void For_Enrollment_NeverContainsTheNameOrNik()
    {
        var enrollment = new Enrollment("LPP-KUPANG", "WBP-2024-0012", "Maria Ndolu", "5371014107900001",
            new DateOnly(2026, 2, 1), new Consent("petugas.giatja", DateTimeOffset.UnixEpoch, [ConsentPurpose.Programme]));

        var id = CaseIds.For(enrollment);

        Assert.Equal("case-lpp-kupang-wbp-2024-0012", id);
        Assert.DoesNotContain("maria", id, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ndolu", id, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("5371014107900001", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "WBP-1")]
    [InlineData("LPP-KUPANG", " ")]
    public void For_EmptyPart_Throws(string office, string registration) =>
        Assert.Throws<ArgumentException>(() => CaseIds.For(office, registration));
}

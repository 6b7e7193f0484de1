namespace PepFunctions.Domain.Tests;

public sealed class EnrollmentTests
{
    private static readonly Enrollment Valid = new(
        "LPP-KUPANG", "WBP-2024-0012", "Maria Ndolu", "5371014107900001", new DateOnly(2026, 2, 1),
        new Consent("petugas.giatja", new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(8)), [ConsentPurpose.Programme, ConsentPurpose.ShareWithMentors]));

    private static string Field(Enrollment enrollment) => Assert.Single(enrollment.Validate()).Field;

    [Fact]
    public void Validate_CompleteEnrollment_NoErrors() =>
        Assert.Empty(Valid.Validate());

    [Theory]
    [InlineData("WBP.2024/12-a")]
    [InlineData("12345678901234567890123456789012")]
    public void Validate_RegistrationNumberWithinTheFormat_NoErrors(string registration) =>
        Assert.Empty((Valid with { RegistrationNumber = registration }).Validate());

    [Theory]
    [InlineData("")]
    [InlineData("WBP 2024")]
    [InlineData("WBP_2024")]
    [InlineData("123456789012345678901234567890123")]
    public void Validate_BadRegistrationNumber_ReportsRegistrationNumber(string registration) =>
        Assert.Equal("RegistrationNumber", Field(Valid with { RegistrationNumber = registration }));

    [Theory]
    [InlineData("537101410790000")]
    [InlineData("53710141079000011")]
    [InlineData("5371O14107900001")]
    [InlineData("")]
    public void Validate_NikNotSixteenDigits_ReportsNik(string nik) =>
        Assert.Equal("Nik", Field(Valid with { Nik = nik }));

    [Fact]
    public void Validate_NoNik_NoErrors() =>
        Assert.Empty((Valid with { Nik = null }).Validate());

    [Fact]
    public void Validate_NoReleaseDate_ReportsExpectedReleaseDate() =>
        Assert.Equal("ExpectedReleaseDate", Field(Valid with { ExpectedReleaseDate = null }));

    [Fact]
    public void Validate_NoConsent_ReportsConsent() =>
        Assert.Equal("Consent", Field(Valid with { Consent = null }));

    [Fact]
    public void Validate_ConsentNotCoveringTheProgramme_ReportsConsentScope() =>
        Assert.Equal("Consent.Scope", Field(Valid with { Consent = Valid.Consent! with { Scope = [ConsentPurpose.ProductPromotion] } }));

    [Fact]
    public void Validate_ConsentWithoutRecorder_ReportsConsentRecordedBy() =>
        Assert.Equal("Consent.RecordedBy", Field(Valid with { Consent = Valid.Consent! with { RecordedBy = "" } }));

    [Theory]
    [InlineData("LAPAS-NOWHERE")]
    [InlineData("BAPAS-KUPANG")]
    [InlineData("KANWIL-NTT")]
    public void Validate_OfficeNotALapas_ReportsOfficeCode(string office) =>
        Assert.Equal("OfficeCode", Field(Valid with { OfficeCode = office }));

    [Fact]
    public void Validate_NameTooLong_ReportsFullName() =>
        Assert.Equal("FullName", Field(Valid with { FullName = new string('a', Enrollment.MaxFullNameLength + 1) }));

    [Fact]
    public void Validate_EverythingWrong_OneErrorPerFieldInFormOrder() =>
        Assert.Equal(
            ["OfficeCode", "RegistrationNumber", "FullName", "Nik", "ExpectedReleaseDate", "Consent"],
            new Enrollment("", "", "", "12", null, null).Validate().Select(error => error.Field));

    [Fact]
    public void ToString_Enrollment_LeavesOutNameAndNik()
    {
        var text = Valid.ToString();

        Assert.Contains("WBP-2024-0012", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5371014107900001", text, StringComparison.Ordinal);
    }
}

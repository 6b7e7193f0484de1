namespace PepFunctions.Domain.Tests;

/// <summary>Registration numbers are letters and digits in groups separated by one '-', '.' or '/' (at most 32 characters).</summary>
public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData("WBP/2025/77")]
    [InlineData("WBP-2025-77")]
    [InlineData("B.I/12")]
    [InlineData("a/b")]
    public void Validate_NumberInTheCharacterSet_NoError(string number) =>
        Assert.DoesNotContain(With(number).Validate(), e => e.Field == nameof(Enrollment.RegistrationNumber));

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/WBP-1")]
    [InlineData("WBP-1/")]
    [InlineData("WBP//1")]
    [InlineData("WBP_1")]
    [InlineData("AII 45")]
    [InlineData("Ré7")]
    [InlineData("WBP-123456789012345678901234567890")]
    public void Validate_NumberOutsideTheCharacterSet_NamesTheField(string number) =>
        Assert.Contains(With(number).Validate(), e => e.Field == nameof(Enrollment.RegistrationNumber));

    private static Enrollment With(string number) => new("LPP-KUPANG", number, "Maria Ndolu", null,
        new DateOnly(2026, 2, 1), new Consent("petugas.giatja", DateTimeOffset.UnixEpoch, [ConsentPurpose.Programme]));
}

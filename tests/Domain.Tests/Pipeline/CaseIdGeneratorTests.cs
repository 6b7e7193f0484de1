namespace PepFunctions.Domain.Tests;

public sealed class CaseIdGeneratorTests
{
    private const string Key = "domain-tests-case-id-key-0123456789abcdef";
    private static readonly CaseIdGenerator Ids = new(Key);

    [Fact]
    public void For_OfficeAndRegistrationNumber_PrefixAnd26Base32Characters() =>
        Assert.Matches("^case-[a-z2-7]{26}$", Ids.For("LPP-KUPANG", "WBP-2024-0012"));

    [Fact]
    public void For_SameInputsAnyCaseOrSeparator_SameId()
    {
        Assert.Equal(Ids.For("LPP-KUPANG", "WBP-2024-0012"), Ids.For("lpp-kupang", "wbp-2024-0012"));
        Assert.Equal(Ids.For("LPP-KUPANG", "WBP/2025/77"), Ids.For("LPP-KUPANG", "WBP-2025-77"));
    }

    [Fact]
    public void For_OtherOfficeOrNumberOrKey_OtherId()
    {
        var id = Ids.For("LPP-KUPANG", "WBP-1");

        Assert.NotEqual(id, Ids.For("LPP-TANGERANG", "WBP-1"));
        Assert.NotEqual(id, Ids.For("LPP-KUPANG", "WBP-2"));
        Assert.NotEqual(id, new CaseIdGenerator(Key + "x").For("LPP-KUPANG", "WBP-1"));
    }

    [Fact]
    public void For_Enrollment_ContainsNeitherRegistrationNumberNorNameNorNik()
    {
        var enrollment = new Enrollment("LPP-KUPANG", "WBP-2024-0012", "Maria Ndolu", "5371014107900001",
            new DateOnly(2026, 2, 1), new Consent("petugas.giatja", DateTimeOffset.UnixEpoch, [ConsentPurpose.Programme]));

        var id = Ids.For(enrollment);

        foreach (var part in new[] { "wbp", "2024", "0012", "maria", "ndolu", "5371014107900001", "kupang" })
        {
            Assert.DoesNotContain(part, id, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("", "WBP-1")]
    [InlineData("LPP-KUPANG", " ")]
    public void For_EmptyPart_Throws(string office, string registration) =>
        Assert.Throws<ArgumentException>(() => Ids.For(office, registration));

    [Fact]
    public void New_ShortKey_Throws() =>
        Assert.Throws<ArgumentException>(() => new CaseIdGenerator("short"));
}

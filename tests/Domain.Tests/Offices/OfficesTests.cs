namespace PepFunctions.Domain.Tests;

public sealed class OfficesTests
{
    [Theory]
    [InlineData("LPP-KUPANG", "Lapas Perempuan Kelas IIB Kupang", OfficeKind.Lapas, Provinces.NusaTenggaraTimur, "KANWIL-NTT")]
    [InlineData("LPP-TANGERANG", "Lapas Perempuan Kota Tangerang", OfficeKind.Lapas, Provinces.Banten, "KANWIL-BANTEN")]
    [InlineData("LPP-PALEMBANG", "Lapas Perempuan Kelas IIA Palembang", OfficeKind.Lapas, Provinces.SumateraSelatan, "KANWIL-SUMSEL")]
    [InlineData("LP-KALABAHI", "Lapas Kelas IIB Kalabahi", OfficeKind.Lapas, Provinces.NusaTenggaraTimur, "KANWIL-NTT")]
    [InlineData("BAPAS-KUPANG", "Bapas Kelas I Kupang", OfficeKind.Bapas, Provinces.NusaTenggaraTimur, "KANWIL-NTT")]
    [InlineData("KANWIL-NTT", "Kanwil Ditjenpas Nusa Tenggara Timur", OfficeKind.Kanwil, Provinces.NusaTenggaraTimur, "DITJENPAS")]
    public void Find_ArticleOffice_HasItsNameKindProvinceAndParent(string code, string name, OfficeKind kind, string province, string parent)
    {
        var office = Offices.Find(code);

        Assert.Equal(new Office(code, name, kind, province, parent), office);
    }

    [Fact]
    public void Find_Ditjenpas_HasNoParent() =>
        Assert.Null(Offices.Find("DITJENPAS")!.ParentCode);

    [Fact]
    public void Find_LowerCaseCode_FindsTheOffice() =>
        Assert.Equal("LPP-KUPANG", Offices.Find("lpp-kupang")?.Code);

    [Theory]
    [InlineData("LAPAS-NOWHERE")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownCode_ReturnsNull(string? code) =>
        Assert.Null(Offices.Find(code));

    [Fact]
    public void Seed_Codes_AreUnique() =>
        Assert.Equal(Offices.Seed.Count, Offices.Seed.Select(office => office.Code).Distinct().Count());

    [Fact]
    public void Seed_EveryParent_IsAKanwilOfTheSameProvinceOrDitjenpas()
    {
        foreach (var office in Offices.Seed.Where(office => office.ParentCode is not null))
        {
            var parent = Offices.Find(office.ParentCode)!;
            if (office.Kind == OfficeKind.Kanwil)
            {
                Assert.Equal(OfficeKind.Ditjenpas, parent.Kind);
            }
            else
            {
                Assert.Equal((OfficeKind.Kanwil, office.Province), (parent.Kind, parent.Province));
            }
        }
    }

    [Theory]
    [InlineData("LPP-KUPANG", "BAPAS-KUPANG")]
    [InlineData("LP-KALABAHI", "BAPAS-KUPANG")]
    [InlineData("LPP-TANGERANG", "BAPAS-TANGERANG")]
    [InlineData("LPP-PALEMBANG", "BAPAS-PALEMBANG")]
    public void BapasFor_Lapas_ReturnsTheBapasOfItsProvince(string lapas, string bapas) =>
        Assert.Equal(bapas, Offices.BapasFor(lapas)?.Code);

    [Fact]
    public void BapasFor_UnknownOffice_ReturnsNull() =>
        Assert.Null(Offices.BapasFor("LAPAS-NOWHERE"));

    [Fact]
    public void BapasFor_Ditjenpas_ReturnsNullAsJakartaHasNoBapasInTheSeed() =>
        Assert.Null(Offices.BapasFor("DITJENPAS"));

    [Fact]
    public void KanwilFor_LapasKalabahi_ReturnsKanwilNtt() =>
        Assert.Equal("KANWIL-NTT", Offices.KanwilFor("LP-KALABAHI")?.Code);
}

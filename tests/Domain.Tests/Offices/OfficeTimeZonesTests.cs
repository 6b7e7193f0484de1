namespace PepFunctions.Domain.Tests;

/// <summary>Each office keeps its own clock: WIB, WITA or WIT, fixed offsets without daylight saving.</summary>
public sealed class OfficeTimeZonesTests
{
    [Theory]
    [InlineData(Offices.LppKupang, "WITA", 8)]
    [InlineData(Offices.LpKupang, "WITA", 8)]
    [InlineData(Offices.LpKalabahi, "WITA", 8)]
    [InlineData(Offices.BapasKupang, "WITA", 8)]
    [InlineData(Offices.KanwilNtt, "WITA", 8)]
    [InlineData(Offices.LppTangerang, "WIB", 7)]
    [InlineData(Offices.BapasTangerang, "WIB", 7)]
    [InlineData(Offices.KanwilBanten, "WIB", 7)]
    [InlineData(Offices.LppPalembang, "WIB", 7)]
    [InlineData(Offices.BapasPalembang, "WIB", 7)]
    [InlineData(Offices.KanwilSumsel, "WIB", 7)]
    [InlineData(Offices.Ditjenpas, "WIB", 7)]
    public void TimeZone_KnownOffice_IsItsProvincesZone(string code, string shortName, int hours)
    {
        var office = Offices.Find(code)!;

        Assert.Equal((shortName, TimeSpan.FromHours(hours)), (office.TimeZoneName, office.TimeZone.BaseUtcOffset));
        Assert.Equal(shortName, Offices.TimeZoneName(code));
    }

    [Fact]
    public void TimeZones_AllThree_HaveNoDaylightSaving() =>
        Assert.All([OfficeTimeZones.Wib, OfficeTimeZones.Wita, OfficeTimeZones.Wit], zone => Assert.False(zone.SupportsDaylightSavingTime));

    [Fact]
    public void Wit_ShortNameAndOffset_AreUtcPlusNine() =>
        Assert.Equal(("WIT", TimeSpan.FromHours(9)), (OfficeTimeZones.ShortName(OfficeTimeZones.Wit), OfficeTimeZones.Wit.BaseUtcOffset));

    [Fact]
    public void LocalDate_KupangAfterFourPmUtc_IsTheNextDay()
    {
        var due = new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 2), Offices.LocalDate(Offices.LppKupang, due));
        Assert.Equal(new DateOnly(2026, 12, 1), Offices.LocalDate(Offices.LppTangerang, due));
    }

    [Fact]
    public void LocalDate_TangerangAfterFivePmUtc_IsTheNextDay() =>
        Assert.Equal(new DateOnly(2026, 12, 2), Offices.LocalDate(Offices.LppTangerang, new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void ToLocal_Kupang_KeepsTheInstantWithTheZonesOffset()
    {
        var utc = new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero);

        var local = Offices.ToLocal(Offices.LppKupang, utc);

        Assert.Equal((utc, new DateTime(2026, 12, 1, 8, 30, 0), TimeSpan.FromHours(8)), (local, local.DateTime, local.Offset));
    }

    [Theory]
    [InlineData("LAPAS-NOWHERE")]
    [InlineData(null)]
    public void TimeZoneOf_UnknownOffice_IsWib(string? code) =>
        Assert.Same(OfficeTimeZones.Wib, Offices.TimeZoneOf(code));
}

namespace PepFunctions.Domain;

/// <summary>
/// Indonesia's three time zones: WIB (<i>Waktu Indonesia Barat</i>, UTC+7), WITA (<i>Waktu Indonesia Tengah</i>, UTC+8)
/// and WIT (<i>Waktu Indonesia Timur</i>, UTC+9).
/// </summary>
/// <remarks>
/// Indonesia keeps no daylight saving, so each zone is a fixed offset built here rather than looked up in the
/// machine's time-zone database (whose ids differ between Windows and Linux and may be missing in containers).
/// The zone's id is its short name, the one staff write after a time: <c>08.30 WITA</c>.
/// </remarks>
public static class OfficeTimeZones
{
    /// <summary>Western Indonesia Time, UTC+7: Sumatra, Java (Jakarta, Banten), West and Central Kalimantan.</summary>
    public static TimeZoneInfo Wib { get; } = Fixed("WIB", 7, "Waktu Indonesia Barat");

    /// <summary>Central Indonesia Time, UTC+8: Bali, Nusa Tenggara (Kupang, Alor), Sulawesi, South and East Kalimantan.</summary>
    public static TimeZoneInfo Wita { get; } = Fixed("WITA", 8, "Waktu Indonesia Tengah");

    /// <summary>Eastern Indonesia Time, UTC+9: Maluku and Papua.</summary>
    public static TimeZoneInfo Wit { get; } = Fixed("WIT", 9, "Waktu Indonesia Timur");

    /// <summary>The zone of a province in <see cref="Provinces"/>; WIB, the capital's zone, for a province not listed.</summary>
    public static TimeZoneInfo ForProvince(string province) => province switch
    {
        Provinces.NusaTenggaraTimur => Wita,
        Provinces.Banten or Provinces.SumateraSelatan or Provinces.DkiJakarta => Wib,
        _ => Wib,
    };

    /// <summary>The zone's short name (<c>WIB</c>, <c>WITA</c> or <c>WIT</c>), written after a local time.</summary>
    public static string ShortName(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Id;
    }

    private static TimeZoneInfo Fixed(string id, int hours, string name) =>
        TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(hours), $"(UTC+{hours:00}:00) {name}", id);
}

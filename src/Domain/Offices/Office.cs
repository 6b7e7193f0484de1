namespace PepFunctions.Domain;

/// <summary>A corrections office: a UPT, a Kanwil or Ditjenpas.</summary>
/// <param name="Code">Stable upper-case code, e.g. <c>LPP-KUPANG</c>; it appears in case ids, so it never changes.</param>
/// <param name="Name">The official name, e.g. <c>Lapas Perempuan Kelas IIB Kupang</c>.</param>
/// <param name="Kind">Lapas, Rutan, Bapas, Kanwil or Ditjenpas.</param>
/// <param name="Province">The province the office serves; a Kanwil sees every office in its province.</param>
/// <param name="ParentCode">The office above it (a UPT's Kanwil, a Kanwil's Ditjenpas); <see langword="null"/> for Ditjenpas.</param>
/// <remarks>Times are stored in UTC and shown, and scheduled, in the office's <see cref="TimeZone"/>.</remarks>
public sealed record Office(string Code, string Name, OfficeKind Kind, string Province, string? ParentCode)
{
    /// <summary>The office's time zone (WIB, WITA or WIT), which follows from its province.</summary>
    public TimeZoneInfo TimeZone => OfficeTimeZones.ForProvince(Province);

    /// <summary>The short name of the office's zone, e.g. <c>WITA</c>.</summary>
    public string TimeZoneName => OfficeTimeZones.ShortName(TimeZone);
}

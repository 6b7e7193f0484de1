namespace PepFunctions.Domain;

/// <summary>The offices the programme knows, starting with those named in the source articles.</summary>
public static class Offices
{
    /// <summary>Code of Lapas Perempuan Kelas IIB Kupang, the women's prison in Kupang (NTT).</summary>
    public const string LppKupang = "LPP-KUPANG";

    /// <summary>Code of Lapas Perempuan Kota Tangerang (Banten).</summary>
    public const string LppTangerang = "LPP-TANGERANG";

    /// <summary>Code of Lapas Perempuan Kelas IIA Palembang (Sumatera Selatan).</summary>
    public const string LppPalembang = "LPP-PALEMBANG";

    /// <summary>Code of Lapas Kelas IIA Kupang, whose Pokmas Lipas includes Rumah Kreatif Oebobo.</summary>
    public const string LpKupang = "LP-KUPANG";

    /// <summary>Code of Lapas Kelas IIB Kalabahi, on Alor (NTT).</summary>
    public const string LpKalabahi = "LP-KALABAHI";

    /// <summary>Code of Bapas Kelas I Kupang.</summary>
    public const string BapasKupang = "BAPAS-KUPANG";

    /// <summary>Code of Bapas Kelas I Tangerang.</summary>
    public const string BapasTangerang = "BAPAS-TANGERANG";

    /// <summary>Code of Bapas Kelas I Palembang.</summary>
    public const string BapasPalembang = "BAPAS-PALEMBANG";

    /// <summary>Code of Kanwil Ditjenpas Nusa Tenggara Timur.</summary>
    public const string KanwilNtt = "KANWIL-NTT";

    /// <summary>Code of Kanwil Ditjenpas Banten.</summary>
    public const string KanwilBanten = "KANWIL-BANTEN";

    /// <summary>Code of Kanwil Ditjenpas Sumatera Selatan.</summary>
    public const string KanwilSumsel = "KANWIL-SUMSEL";

    /// <summary>Code of Ditjenpas, the national level.</summary>
    public const string Ditjenpas = "DITJENPAS";

    /// <summary>Every known office, national first, then each province's Kanwil and its UPTs.</summary>
    public static IReadOnlyList<Office> Seed { get; } =
    [
        new(Ditjenpas, "Direktorat Jenderal Pemasyarakatan", OfficeKind.Ditjenpas, Provinces.DkiJakarta, null),

        new(KanwilNtt, "Kanwil Ditjenpas Nusa Tenggara Timur", OfficeKind.Kanwil, Provinces.NusaTenggaraTimur, Ditjenpas),
        new(LppKupang, "Lapas Perempuan Kelas IIB Kupang", OfficeKind.Lapas, Provinces.NusaTenggaraTimur, KanwilNtt),
        new(LpKupang, "Lapas Kelas IIA Kupang", OfficeKind.Lapas, Provinces.NusaTenggaraTimur, KanwilNtt),
        new(LpKalabahi, "Lapas Kelas IIB Kalabahi", OfficeKind.Lapas, Provinces.NusaTenggaraTimur, KanwilNtt),
        new(BapasKupang, "Bapas Kelas I Kupang", OfficeKind.Bapas, Provinces.NusaTenggaraTimur, KanwilNtt),

        new(KanwilBanten, "Kanwil Ditjenpas Banten", OfficeKind.Kanwil, Provinces.Banten, Ditjenpas),
        new(LppTangerang, "Lapas Perempuan Kota Tangerang", OfficeKind.Lapas, Provinces.Banten, KanwilBanten),
        new(BapasTangerang, "Bapas Kelas I Tangerang", OfficeKind.Bapas, Provinces.Banten, KanwilBanten),

        new(KanwilSumsel, "Kanwil Ditjenpas Sumatera Selatan", OfficeKind.Kanwil, Provinces.SumateraSelatan, Ditjenpas),
        new(LppPalembang, "Lapas Perempuan Kelas IIA Palembang", OfficeKind.Lapas, Provinces.SumateraSelatan, KanwilSumsel),
        new(BapasPalembang, "Bapas Kelas I Palembang", OfficeKind.Bapas, Provinces.SumateraSelatan, KanwilSumsel),
    ];

    /// <summary>The office with this code (case-insensitive), or <see langword="null"/> when none has it.</summary>
    public static Office? Find(string? code) =>
        code is null ? null : Seed.FirstOrDefault(office => string.Equals(office.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The Bapas that takes over a person released from <paramref name="lapasCode"/>: the first Bapas in the
    /// same province, or <see langword="null"/> when the office is unknown or its province has no Bapas.
    /// </summary>
    public static Office? BapasFor(string lapasCode)
    {
        var lapas = Find(lapasCode);
        return lapas is null ? null : Seed.FirstOrDefault(office => office.Kind == OfficeKind.Bapas && office.Province == lapas.Province);
    }

    /// <summary>The Kanwil over the office's province, or <see langword="null"/> when the office is unknown; where overdue follow-ups escalate to.</summary>
    public static Office? KanwilFor(string officeCode)
    {
        var office = Find(officeCode);
        return office is null ? null : Seed.FirstOrDefault(candidate => candidate.Kind == OfficeKind.Kanwil && candidate.Province == office.Province);
    }

    /// <summary>
    /// The time zone of the office with this code; WIB (the national office's zone) when the code is unknown, so a
    /// record from an office no longer listed still shows a time.
    /// </summary>
    public static TimeZoneInfo TimeZoneOf(string? officeCode) => Find(officeCode)?.TimeZone ?? OfficeTimeZones.Wib;

    /// <summary>The short name of the office's zone (<c>WIB</c>, <c>WITA</c> or <c>WIT</c>); see <see cref="TimeZoneOf"/>.</summary>
    public static string TimeZoneName(string? officeCode) => OfficeTimeZones.ShortName(TimeZoneOf(officeCode));

    /// <summary>The instant <paramref name="utc"/> as the office's clock shows it (the offset is the zone's).</summary>
    public static DateTimeOffset ToLocal(string? officeCode, DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZoneOf(officeCode));

    /// <summary>The office's calendar date at the instant <paramref name="utc"/>: what "today" means to its staff.</summary>
    public static DateOnly LocalDate(string? officeCode, DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(officeCode, utc).DateTime);
}

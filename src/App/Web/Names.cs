using System.Globalization;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Web.Localization;
using PepFunctions.Domain;

namespace PepFunctions.App.Web;

/// <summary>How the pages name things: enum values from the string table, tracks and offices from the domain, dates in the page's language.</summary>
/// <remarks>
/// Instants are stored in UTC and shown in the zone of the office they belong to (WIB, WITA or WIT; see
/// <see cref="Offices.TimeZoneOf"/>): pass the office with <see cref="Date(DateTimeOffset, string?)"/> and
/// <see cref="DateAndTime(DateTimeOffset, string?)"/>. A <see cref="DateOnly"/> is already a local calendar day.
/// </remarks>
internal static class Names
{
    /// <summary>The name of an enum value: the table's <c>{Enum type}.{value}</c> entry.</summary>
    public static string Of<T>(this IStringLocalizer l, T value) where T : struct, Enum => l[$"{typeof(T).Name}.{value}"];

    /// <summary>A track's name as staff use it (the catalogue holds both languages).</summary>
    public static string Track(TrainingTrack track) =>
        StringTable.IsEnglish(CultureInfo.CurrentUICulture) ? track.EnglishName() : track.IndonesianName();

    /// <summary>Why a track scored what it did, e.g. <c>+40 berminat pada Olahan pangan</c>.</summary>
    public static string Reason(ScoringReason reason) => reason.Describe(indonesian: !StringTable.IsEnglish(CultureInfo.CurrentUICulture));

    /// <summary>An office's official name, or its code when unknown.</summary>
    public static string Office(string? code) => Offices.Find(code)?.Name ?? code ?? "";

    /// <summary>A month kept as <c>yyyy-MM</c> in words in the page's language (<c>Desember 2026</c>); as it is when it is not one.</summary>
    public static string Month(string? month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", CultureInfo.CurrentCulture)
            : month ?? "";

    /// <summary>A day, e.g. <c>5 Mei 2025</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    // No overload takes an instant alone: an instant's day depends on the office's zone (WIB, WITA or WIT).

    /// <summary>The day an instant falls on at the office, e.g. <c>2 Des 2026</c> for 16:30 UTC on 1 December in Kupang (WITA).</summary>
    public static string Date(DateTimeOffset at, string? officeCode) => Date(Offices.LocalDate(officeCode, at));

    /// <inheritdoc cref="Date(DateTimeOffset, string?)"/>
    public static string Date(DateTimeOffset? at, string? officeCode) => at is { } value ? Date(value, officeCode) : "";

    /// <summary>An instant as the office's clock shows it, with the zone, e.g. <c>1 Des 2026 08.30 WITA</c>.</summary>
    public static string DateAndTime(DateTimeOffset at, string? officeCode) =>
        $"{Offices.ToLocal(officeCode, at).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)} {Offices.TimeZoneName(officeCode)}";

    /// <summary>The <c>datetime</c> attribute of a <c>&lt;time&gt;</c>: the instant in ISO 8601 with the office's offset.</summary>
    public static string IsoDateTime(DateTimeOffset at, string? officeCode) =>
        Offices.ToLocal(officeCode, at).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>An amount in rupiah, e.g. <c>Rp1.500.000</c>.</summary>
    public static string Rupiah(long amount) => Domain.Rupiah.Format(amount);

    /// <summary>The value of an <c>&lt;input type=date&gt;</c>.</summary>
    public static string DateInput(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

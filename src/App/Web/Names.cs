using System.Globalization;
using Microsoft.Extensions.Localization;
using PepFunctions.App.Web.Localization;
using PepFunctions.Domain;

namespace PepFunctions.App.Web;

/// <summary>How the pages name things: enum values from the string table, tracks and offices from the domain, dates in the page's language.</summary>
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

    /// <summary>A day, e.g. <c>5 Mei 2025</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <inheritdoc cref="Date(DateOnly)"/>
    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.UtcDateTime));

    /// <inheritdoc cref="Date(DateOnly)"/>
    public static string Date(DateTimeOffset? at) => at is { } value ? Date(value) : "";

    /// <summary>An amount in rupiah, e.g. <c>Rp1.500.000</c>.</summary>
    public static string Rupiah(long amount) => Domain.Rupiah.Format(amount);

    /// <summary>The value of an <c>&lt;input type=date&gt;</c>.</summary>
    public static string DateInput(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

using System.Globalization;

namespace PepFunctions.App.Files;

/// <summary>Dates as stored in table properties: <c>yyyy-MM-dd</c>.</summary>
internal static class Dates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

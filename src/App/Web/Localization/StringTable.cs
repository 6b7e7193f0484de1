using System.Collections.Frozen;
using System.Globalization;

namespace PepFunctions.App.Web.Localization;

/// <summary>
/// Every text of the staff pages in Bahasa Indonesia and English, one line per text:
/// <c>key | Bahasa Indonesia | English</c>. The tables live in the <c>Texts.*.cs</c> files beside this one,
/// grouped by page, so a translator reads both languages side by side.
/// </summary>
/// <remarks>
/// Keys are dotted names (<c>Nav.Home</c>) for page chrome, and the exact English sentence for messages the
/// services raise (<c>The full name is required.</c>), so a service message is translated when the table
/// knows it and shown as it is otherwise. A line without both languages fails at start-up, not on a page.
/// </remarks>
internal static partial class StringTable
{
    /// <summary>The default language of the pages.</summary>
    public const string Indonesian = "id";

    /// <summary>The other language.</summary>
    public const string English = "en";

    private static readonly Lazy<(FrozenDictionary<string, string> Id, FrozenDictionary<string, string> En)> Tables = new(Load);

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>'s language, or null when the table has none.</summary>
    public static string? Find(string key, CultureInfo culture)
    {
        var table = IsEnglish(culture) ? Tables.Value.En : Tables.Value.Id;
        return table.GetValueOrDefault(key);
    }

    /// <summary>Every key, for tests and for the localizer's <c>GetAllStrings</c>.</summary>
    public static IEnumerable<string> Keys => Tables.Value.Id.Keys;

    /// <summary>Whether <paramref name="culture"/> is English (else Indonesian, the default).</summary>
    public static bool IsEnglish(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == English;

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, string>) Load()
    {
        var id = new Dictionary<string, string>(StringComparer.Ordinal);
        var en = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in AllTables())
        {
            foreach (var raw in table.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
                {
                    throw new InvalidOperationException($"String table line must be 'key | Bahasa Indonesia | English': {line}");
                }

                if (!id.TryAdd(parts[0], parts[1]))
                {
                    throw new InvalidOperationException($"String table key '{parts[0]}' appears twice.");
                }

                en[parts[0]] = parts[2];
            }
        }

        return (id.ToFrozenDictionary(StringComparer.Ordinal), en.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

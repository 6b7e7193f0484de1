using System.Text;

namespace PepFunctions.App.Cases;

/// <summary>Writes CSV (RFC 4180) that spreadsheets open safely.</summary>
/// <remarks>
/// Fields with a comma, quote or line break are quoted, quotes doubled. A field starting with <c>= + - @</c>, tab or
/// carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
/// </remarks>
internal static class Csv
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One field, escaped.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string?> fields)
    {
        text.AppendJoin(',', fields.Select(Escape));
        text.Append("\r\n");
    }
}

using System.Globalization;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Checks NCRONTAB schedules with seconds (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), the format of
/// Azure Functions timer triggers, so that a wrong setting stops the app on start rather than its timer at run time.
/// </summary>
/// <remarks>
/// Each field is a comma-separated list of <c>*</c>, a value or a range <c>a-b</c>, each optionally stepped (<c>/n</c>);
/// months and days of the week may be given by their three-letter English names. The hosts (the Functions host, the
/// local runner) parse and run the schedule; this only rejects what they would not accept.
/// </remarks>
internal static class CronSchedule
{
    private static readonly (int Min, int Max, string[] Names)[] Fields =
    [
        (0, 59, []),
        (0, 59, []),
        (0, 23, []),
        (1, 31, []),
        (1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        (0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Whether <paramref name="expression"/> is a valid six-field NCRONTAB expression.</summary>
    public static bool IsValid(string? expression)
    {
        var fields = expression?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: 6 } && fields.Select((field, i) => field.Split(',').All(item => IsValidItem(item, Fields[i]))).All(valid => valid);
    }

    private static bool IsValidItem(string item, (int Min, int Max, string[] Names) field)
    {
        var parts = item.Split('/');
        if (parts.Length > 2 || (parts.Length == 2 && !(int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0)))
        {
            return false;
        }

        if (parts[0] == "*")
        {
            return true;
        }

        var range = parts[0].Split('-');
        return range.Length <= 2
            && range.All(bound => TryValue(bound, field, out _))
            && (range.Length == 1 || (TryValue(range[0], field, out var from) && TryValue(range[1], field, out var to) && from <= to));
    }

    private static bool TryValue(string text, (int Min, int Max, string[] Names) field, out int value)
    {
        var named = Array.FindIndex(field.Names, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        if (named >= 0)
        {
            value = named + field.Min;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= field.Min && value <= field.Max;
    }
}

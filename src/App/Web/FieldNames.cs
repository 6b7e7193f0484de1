namespace PepFunctions.App.Web;

/// <summary>Matches the field names services report (<c>canReadWrite</c>, <c>Consent.Scope</c>) to form fields.</summary>
internal static class FieldNames
{
    /// <summary>The form field for a service field: an alias when one is given (any case), else the PascalCase path.</summary>
    public static string ToForm(string serviceField, IReadOnlyDictionary<string, string>? aliases)
    {
        var pascal = string.Join('.', serviceField.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        return aliases?.FirstOrDefault(alias => string.Equals(alias.Key, pascal, StringComparison.OrdinalIgnoreCase)).Value ?? pascal;
    }
}

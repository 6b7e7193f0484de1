using System.Text.Json;
using System.Text.Json.Serialization;

namespace PepFunctions.App.Cases;

/// <summary>
/// The JSON of values kept inside table rows (consent, assessment, scores, a visit, timeline parameters):
/// web defaults (camelCase) and enums by name.
/// </summary>
/// <remarks>The format these rows have always been written in, so rows written before the function app read back unchanged.</remarks>
internal static class RecordJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The value as JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The value of JSON text; null text gives null.</summary>
    public static T? Deserialize<T>(string? json) where T : class =>
        json is null ? null : JsonSerializer.Deserialize<T>(json, Options);
}

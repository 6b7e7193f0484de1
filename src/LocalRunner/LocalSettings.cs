using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace PepFunctions.LocalRunner;

/// <summary>
/// Reads Azure Functions' <c>local.settings.json</c> (or the committed <c>local.settings.sample.json</c>) as
/// configuration, as <c>func start</c> does: the function app sees the same settings under either host.
/// </summary>
/// <remarks>
/// Each <c>Values</c> entry becomes a configuration key, with <c>__</c> meaning a nested section
/// (<c>Pipeline__FollowUpInterval</c> is <c>Pipeline:FollowUpInterval</c>), as it does for
/// environment variables; <c>Host.LocalHttpPort</c> becomes <see cref="LocalHttpPortKey"/>.
/// As with <c>func start</c>, a value the process's environment sets is not taken from the file (the environment wins);
/// settings given to the runner itself (<c>--set Key=Value</c>) override both. The runner hands the result to the app as
/// its command-line configuration (<c>FunctionHost.ReadSettings</c>; pinned by <c>SettingsPrecedenceTests</c>).
/// </remarks>
public static class LocalSettings
{
    /// <summary>The developer's own settings; git-ignored.</summary>
    public const string FileName = "local.settings.json";

    /// <summary>The committed defaults, read when there is no <see cref="FileName"/>.</summary>
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>The key <c>Host.LocalHttpPort</c> is read into.</summary>
    public const string LocalHttpPortKey = "Host:LocalHttpPort";

    /// <summary>The first of <see cref="FileName"/> and <see cref="SampleFileName"/> in <paramref name="folder"/>, or null.</summary>
    public static string? Find(string folder) =>
        new[] { FileName, SampleFileName }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>Reads a settings file into configuration keys and values.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable, unencrypted settings file.</exception>
    public static Dictionary<string, string?> Read(string path)
    {
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} must hold a JSON object with a Values object.");
            }

            if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw new InvalidDataException($"{path} is encrypted; decrypt it with 'func settings decrypt' first.");
            }

            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var value in values.EnumerateObject())
                {
                    settings[value.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = Text(path, $"Values.{value.Name}", value.Value);
                }
            }

            if (root.TryGetProperty("Host", out var host) && host.ValueKind == JsonValueKind.Object &&
                host.TryGetProperty("LocalHttpPort", out var port))
            {
                settings[LocalHttpPortKey] = Text(path, "Host.LocalHttpPort", port);
            }

            return settings;
        }
    }

    private static string? Text(string path, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new InvalidDataException($"{path}: {name} must be a string, number or boolean, not {value.ValueKind}."),
    };
}

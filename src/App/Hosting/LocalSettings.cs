using System.Text.Json;

namespace PepFunctions.App.Hosting;

/// <summary>
/// Reads Azure Functions' <c>local.settings.json</c> (or the committed <c>local.settings.sample.json</c>)
/// as configuration, so that <c>dotnet run</c> sees the same settings <c>func start</c> would.
/// </summary>
/// <remarks>
/// Each <c>Values</c> entry becomes a configuration key, with <c>__</c> meaning a nested section
/// (<c>Durable__Storage__TaskHubName</c> is <c>Durable:Storage:TaskHubName</c>), as it does for
/// environment variables; <c>Host.LocalHttpPort</c> becomes <see cref="LocalHttpPortKey"/>.
/// The file ranks below environment variables and the command line, which override it.
/// </remarks>
internal static class LocalSettings
{
    /// <summary>The developer's own settings; git-ignored.</summary>
    public const string FileName = "local.settings.json";

    /// <summary>The committed defaults, read when there is no <see cref="FileName"/>.</summary>
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>Configuration key naming the settings file explicitly (relative to the content root).</summary>
    public const string PathKey = "LocalSettingsPath";

    /// <summary>The configuration key <c>Host.LocalHttpPort</c> is read into.</summary>
    public const string LocalHttpPortKey = "Host:LocalHttpPort";

    private const string SolutionFileName = "PepFunctions.sln";

    /// <summary>
    /// Looks in <paramref name="contentRoot"/>, then in the nearest folder above it that holds the solution
    /// (the repository root), for <see cref="FileName"/> and then <see cref="SampleFileName"/>.
    /// </summary>
    /// <returns>The file's full path, or null when neither folder has one.</returns>
    public static string? Find(string contentRoot)
    {
        var start = new DirectoryInfo(contentRoot);
        if (InFolder(start.FullName) is { } here)
        {
            return here;
        }

        for (var dir = start.Parent; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return InFolder(dir.FullName);
            }
        }

        return null;
    }

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

    private static string? InFolder(string folder) =>
        new[] { FileName, SampleFileName }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private static string? Text(string path, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new InvalidDataException($"{path}: {name} must be a string, number or boolean, not {value.ValueKind}."),
    };
}

namespace PepFunctions.LocalRunner;

/// <summary>What <see cref="FunctionHost"/> runs, and how.</summary>
public sealed class FunctionHostOptions
{
    /// <summary>The function app's build or publish output: the folder with <c>functions.metadata</c>.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The local settings file whose <c>Values</c> become the app's settings; none when null.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Settings that override the file's (keys with <c>:</c> or <c>__</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where HTTP triggers listen; by default <c>http://127.0.0.1:{Host.LocalHttpPort or 7071}</c>. Port 0 picks a free one.</summary>
    public string? Urls { get; init; }

    /// <summary>Whether timer triggers fire on their schedules (tests of other triggers turn them off).</summary>
    public bool RunTimers { get; init; } = true;
}

/// <summary>The runner's command line.</summary>
internal static class RunnerArguments
{
    public static FunctionHostOptions Parse(string[] args)
    {
        string? app = null, settingsFile = null, urls = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var timers = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--app": app = Value(args, ref i); break;
                case "--settings": settingsFile = Value(args, ref i); break;
                case "--urls": urls = Value(args, ref i); break;
                case "--no-timers": timers = false; break;
                case "--set":
                    var pair = Value(args, ref i);
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new ArgumentException($"--set takes Key=Value, not '{pair}'.");
                    }

                    settings[pair[..equals]] = pair[(equals + 1)..];
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --app DIR [--settings FILE] [--urls URL] [--set Key=Value] [--no-timers].");
            }
        }

        return new FunctionHostOptions
        {
            AppDirectory = app ?? throw new ArgumentException("--app DIR (the function app's build output) is required."),
            SettingsFile = settingsFile ?? LocalSettings.Find(Environment.CurrentDirectory),
            Urls = urls,
            Settings = settings,
            RunTimers = timers,
        };
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}

using System.Globalization;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace PepFunctions.App.Hosting;

/// <summary>Makes the app behave like a function app: local settings, and the port the Functions host expects.</summary>
internal static class FunctionsHosting
{
    /// <summary>Set by the Azure Functions host: the port a custom handler must listen on.</summary>
    public const string CustomHandlerPortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The port <c>func start</c> uses, and so the app's default.</summary>
    public const int DefaultPort = 7071;

    private const string LoadedFromKey = "LocalSettings:LoadedFrom";

    /// <summary>
    /// Adds the local settings file (see <see cref="LocalSettings"/>) below environment variables and the
    /// command line, and chooses the listening URL (see <see cref="ResolveUrl"/>).
    /// </summary>
    public static WebApplicationBuilder AddFunctionsHosting(this WebApplicationBuilder builder)
    {
        builder.AddLocalSettings();
        if (ResolveUrl(builder.Configuration) is { } url)
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }

    /// <summary>Reads the local settings file, when there is one, into <paramref name="builder"/>'s configuration.</summary>
    /// <exception cref="FileNotFoundException"><see cref="LocalSettings.PathKey"/> names a file that does not exist.</exception>
    public static WebApplicationBuilder AddLocalSettings(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        string? path;
        if (builder.Configuration[LocalSettings.PathKey] is { Length: > 0 } explicitPath)
        {
            path = Path.GetFullPath(explicitPath, contentRoot);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{LocalSettings.PathKey} names {path}, which does not exist.", path);
            }
        }
        else
        {
            path = LocalSettings.Find(contentRoot);
        }

        if (path is not null)
        {
            var settings = LocalSettings.Read(path);
            settings[LoadedFromKey] = path;
            var sources = builder.Configuration.Sources;
            sources.Insert(IndexBelowEnvironmentVariables(sources), new MemoryConfigurationSource { InitialData = settings });
        }

        return builder;
    }

    /// <summary>
    /// The URL to listen on: <c>http://localhost:{FUNCTIONS_CUSTOMHANDLER_PORT}</c> under the Functions host;
    /// otherwise null (keep them) when URLs or ports were configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>); otherwise <c>http://localhost:{Host:LocalHttpPort}</c>, by default port 7071.
    /// </summary>
    /// <exception cref="InvalidOperationException">A configured port is not a TCP port number.</exception>
    public static string? ResolveUrl(IConfiguration configuration)
    {
        if (configuration[CustomHandlerPortKey] is { Length: > 0 } handlerPort)
        {
            return LocalhostUrl(handlerPort, CustomHandlerPortKey);
        }

        if (!string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) ||
            !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey]) ||
            !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            return null;
        }

        return LocalhostUrl(configuration[LocalSettings.LocalHttpPortKey] ?? DefaultPort.ToString(CultureInfo.InvariantCulture), LocalSettings.LocalHttpPortKey);
    }

    /// <summary>Logs which local settings file was read, so a developer can tell the sample from their own.</summary>
    public static void LogLocalSettings(this WebApplication app)
    {
        if (app.Configuration[LoadedFromKey] is { } path)
        {
            app.Logger.LogInformation("Local settings read from {LocalSettingsFile}", path);
        }
    }

    private static int IndexBelowEnvironmentVariables(IList<IConfigurationSource> sources)
    {
        // The unprefixed environment-variable source is the one that holds app settings; the DOTNET_ and
        // ASPNETCORE_ ones before it hold host settings. Local settings go just below it.
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                return i;
            }
        }

        return sources.Count;
    }

    private static string LocalhostUrl(string port, string key) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? $"http://localhost:{number}"
            : throw new InvalidOperationException($"{key} must be a TCP port number (1-65535); it is '{port}'.");
}

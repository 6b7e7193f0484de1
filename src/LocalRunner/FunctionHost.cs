using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PepFunctions.LocalRunner.Durable;

namespace PepFunctions.LocalRunner;

/// <summary>
/// Hosts a compiled .NET isolated function app where the Functions host cannot run: its HTTP triggers on ASP.NET
/// Core, its timer triggers on their NCRONTAB schedules, its orchestrations and activities on the Durable Task
/// Framework with the Azure Storage provider, and <c>[DurableClient]</c> bound to a client over that engine.
/// </summary>
/// <remarks>
/// It reads the app's <c>functions.metadata</c> (the file the Functions host reads) and refuses, at start, any
/// function with a binding it does not host, so the two hosts cannot silently drift apart. The app is built by its
/// own entry point (<see cref="AppLoader"/>), with the local settings as its configuration.
/// </remarks>
public sealed class FunctionHost : IAsyncDisposable
{
    private const int DefaultPort = 7071;

    /// <summary>The setting naming the Functions environment; <c>Development</c> in a local run.</summary>
    internal const string EnvironmentSetting = "AZURE_FUNCTIONS_ENVIRONMENT";

    /// <summary>The largest request body the Functions host accepts by default (100 MiB).</summary>
    internal const long MaxRequestBodyBytes = 100L * 1024 * 1024;
    private readonly IHost _app;
    private readonly WebApplication _web;
    private readonly DurableEngine _engine;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _timers = [];

    private FunctionHost(IHost app, WebApplication web, DurableEngine engine, IReadOnlyList<FunctionDefinition> functions)
    {
        _app = app;
        _web = web;
        _engine = engine;
        Functions = functions;
    }

    /// <summary>Every function of the app, as hosted.</summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; }

    /// <summary>Where the HTTP triggers answer.</summary>
    public Uri BaseAddress => new(_web.Urls.First());

    /// <summary>The app's services, as its own <c>Program</c> registered them.</summary>
    public IServiceProvider AppServices => _app.Services;

    /// <summary>The client <c>[DurableClient]</c> parameters get.</summary>
    public DurableTaskClient Client => _engine.Client;

    /// <summary>The engine's registries of orchestrator and activity functions (a test seam).</summary>
    internal DurableEngine Engine => _engine;

    /// <exception cref="NotSupportedException">A function uses a binding or parameter the runner does not host.</exception>
    /// <exception cref="InvalidOperationException">A setting the app or a trigger needs is missing or malformed.</exception>
    /// <remarks>Everything that can be checked is checked before anything starts: a host that fails to start leaves nothing running.</remarks>
    public static async Task<FunctionHost> StartAsync(FunctionHostOptions options, CancellationToken cancellationToken = default)
    {
        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var settings = ReadSettings(options);
        var functions = FunctionMetadataReader.Read(appDirectory, AppLoader.Load);
        foreach (var function in functions)
        {
            CheckBindings(function);
        }

        HostRules.CheckHttpFunctions(functions);
        var hostJson = HostRules.ReadHostJson(appDirectory);
        HostRules.CheckHostJson(hostJson);
        var http = new HttpTriggers.Options(HostRules.RoutePrefix(hostJson), HostRules.FunctionTimeout(hostJson));

        var app = AppLoader.BuildHost(functions[0].Method.DeclaringType!.Assembly, AppArguments(appDirectory, settings));
        RankAboveEnvironment(app, options.Settings);
        WebApplication? web = null;
        DurableEngine? engine = null;
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            var configuration = app.Services.GetRequiredService<IConfiguration>();
            var schedules = options.RunTimers
                ? functions.Where(f => IsTrigger(f, "timerTrigger")).Select(f => (Function: f, Schedule: TimerTriggers.Schedule(f, configuration))).ToList()
                : [];
            var durable = DurableSettings.Read(appDirectory, configuration);
            var connectionString = configuration[durable.ConnectionName] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"The setting {durable.ConnectionName} (a storage connection string) is not set; locally it is UseDevelopmentStorage=true.");

            web = CreateWeb(options, appDirectory, settings);
            var logger = web.Services.GetRequiredService<ILoggerFactory>();

            // The worker sends its logs to the Functions host; here the app's logs go to the runner's console instead
            // (the app's own log filters still apply).
            var appLoggers = app.Services.GetRequiredService<ILoggerFactory>();
            foreach (var provider in web.Services.GetServices<ILoggerProvider>())
            {
                appLoggers.AddProvider(new SharedLoggerProvider(provider));
            }

            engine = await DurableEngine.StartAsync(durable, connectionString, functions, app.Services, logger);
            foreach (var function in functions.Where(f => IsTrigger(f, "httpTrigger")))
            {
                HttpTriggers.Map(web, function, http, app.Services, engine.Client);
            }

            await web.StartAsync(cancellationToken);
            var host = new FunctionHost(app, web, engine, functions);
            var timerLogger = logger.CreateLogger("PepFunctions.LocalRunner.Timers");
            foreach (var (function, schedule) in schedules)
            {
                var timer = new TimerTriggers(function, schedule, app.Services, engine.Client, timerLogger)
                {
                    Timeout = http.FunctionTimeout,
                    Store = TimerStore.Create(connectionString, durable.HubName),
                };
                host._timers.Add(Task.Run(() => timer.RunAsync(host._stopping.Token), CancellationToken.None));
            }

            return host;
        }
        catch
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }

            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            await DisposeAsync(app);
            throw;
        }
    }

    /// <summary>Stops the timers, the HTTP listener and the engine, and disposes the app's services.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_timers);
        // Requests in flight get a few seconds to finish; then their connections are closed.
        using (var requests = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _web.StopAsync(requests.Token);
        }

        await _web.DisposeAsync();
        await _engine.DisposeAsync();
        await DisposeAsync(_app);
        _stopping.Dispose();
    }

    private static async ValueTask DisposeAsync(IHost app)
    {
        if (app is IAsyncDisposable asyncApp)
        {
            await asyncApp.DisposeAsync();
        }
        else
        {
            app.Dispose();
        }
    }

    /// <summary>
    /// Puts the runner's own <c>--set</c> values on top of the app's configuration: the worker's builder reads the
    /// environment after its command line, so on the command line alone they would lose to the environment.
    /// </summary>
    internal static void RankAboveEnvironment(Microsoft.Extensions.Hosting.IHost app, IReadOnlyDictionary<string, string?> set)
    {
        if (set.Count > 0 && app.Services.GetRequiredService<IConfiguration>() is IConfigurationBuilder configuration)
        {
            configuration.AddInMemoryCollection(set.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)));
        }
    }

    /// <summary>The command line the app's entry point is run with: its content root and its settings.</summary>
    internal static string[] AppArguments(string appDirectory, IReadOnlyDictionary<string, string?> settings) =>
        [$"--contentRoot={appDirectory}", .. settings.Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>
    /// The app's settings, ranked as under <c>func start</c>: the settings file's values, except those the process's
    /// environment sets (Core Tools skips them: "Skipping '…' from local settings as it's already defined in current
    /// environment variables"), then the runner's own <c>--set</c> values on top of both. Pinned by <c>SettingsPrecedenceTests</c>.
    /// </summary>
    internal static Dictionary<string, string?> ReadSettings(FunctionHostOptions options)
    {
        var settings = options.SettingsFile is { } file ? LocalSettings.Read(file) : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in settings.Keys.Where(InEnvironment).ToList())
        {
            settings.Remove(key);
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        // As Core Tools does for `func start`: a local run is the Development environment, unless the environment says otherwise.
        if (!settings.ContainsKey(EnvironmentSetting) && Environment.GetEnvironmentVariable(EnvironmentSetting) is null)
        {
            settings[EnvironmentSetting] = "Development";
        }

        return settings;
    }

    /// <remarks>
    /// It logs as the Functions host does: at host.json's <c>logging.logLevel</c> levels, then the app settings'
    /// <c>Logging:*</c>; its content root is the app's folder, so a settings file in the current folder cannot change that.
    /// </remarks>
    private static WebApplication CreateWeb(FunctionHostOptions options, string appDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = appDirectory });
        var port = settings.TryGetValue(LocalSettings.LocalHttpPortKey, out var configured) && configured is { Length: > 0 }
            ? int.Parse(configured, CultureInfo.InvariantCulture)
            : DefaultPort;
        builder.WebHost.UseUrls(options.Urls ?? $"http://127.0.0.1:{port}");
        // The Functions host's own limit on a request body (100 MB, FUNCTIONS_REQUEST_BODY_SIZE_LIMIT); Kestrel's default is 30 MB.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Configuration.AddInMemoryCollection(HostLogLevels(appDirectory));
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase)));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var web = builder.Build();
        web.UseRouting();
        return web;
    }

    private static IEnumerable<KeyValuePair<string, string?>> HostLogLevels(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        var levels = File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?["logging"]?["logLevel"] as JsonObject
            : null;
        return levels?.Select(level => new KeyValuePair<string, string?>(
            $"Logging:LogLevel:{(string.Equals(level.Key, "default", StringComparison.OrdinalIgnoreCase) ? "Default" : level.Key)}", level.Value?.ToString())) ?? [];
    }

    // A setting Sec:Key is in the environment as Sec__Key (or Sec:Key); Host:LocalHttpPort is the runner's own, not an app setting.
    private static bool InEnvironment(string key) =>
        !string.Equals(key, LocalSettings.LocalHttpPortKey, StringComparison.OrdinalIgnoreCase)
        && (Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)) is not null || Environment.GetEnvironmentVariable(key) is not null);

    private static void CheckBindings(FunctionDefinition function)
    {
        switch (function.Trigger.Type.ToLowerInvariant())
        {
            case "httptrigger": HttpTriggers.Check(function); break;
            case "timertrigger": TimerTriggers.Check(function); break;
            case "orchestrationtrigger": FunctionOrchestrator.Check(function); break;
            case "activitytrigger": FunctionActivity.Check(function); break;
            default: throw new NotSupportedException($"Function '{function.Name}' has a '{function.Trigger.Type}' trigger, which the local runner does not host.");
        }
    }

    private static bool IsTrigger(FunctionDefinition function, string type) =>
        string.Equals(function.Trigger.Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>A runner's logger provider lent to the app's logger factory, which must not dispose it.</summary>
    private sealed class SharedLoggerProvider(ILoggerProvider inner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}

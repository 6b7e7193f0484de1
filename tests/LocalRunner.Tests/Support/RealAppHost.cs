using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace PepFunctions.LocalRunner.Tests.Support;

/// <summary>
/// The real app on the runner, in-process, on a task hub of its own, started once for a test class as
/// <c>scripts/run</c> starts it: with a <c>local.settings.json</c> made from the app's sample settings (the hub's
/// settings added), on the port its <c>Host.LocalHttpPort</c> names. Timers are off; the hub is deleted on dispose.
/// </summary>
public sealed class RealAppHost : IAsyncLifetime
{
    private DirectoryInfo? _settingsFolder;
    private TaskHub? _hub;
    private FunctionHost? _host;

    internal FunctionHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The port the settings file names.</summary>
    internal int ConfiguredPort { get; private set; }

    /// <summary>The sample settings' <c>Values</c>, as the app's build output holds them.</summary>
    internal JsonObject SampleValues { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _hub = await TaskHub.CreateAsync("runner");
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppBuild.Directory, LocalSettings.SampleFileName)))!.AsObject();
        SampleValues = settings["Values"]!.DeepClone().AsObject();
        var values = settings["Values"]!.AsObject();
        foreach (var (key, value) in _hub.Settings)
        {
            values[key] = value;
        }

        ConfiguredPort = FreeLoopbackPort();
        settings["Host"] = new JsonObject { ["LocalHttpPort"] = ConfiguredPort };
        _settingsFolder = Directory.CreateTempSubdirectory("pep-runner-settings-");
        var file = Path.Combine(_settingsFolder.FullName, LocalSettings.FileName);
        await File.WriteAllTextAsync(file, settings.ToJsonString());

        _host = await FunctionHost.StartAsync(new FunctionHostOptions { AppDirectory = AppBuild.Directory, SettingsFile = file, RunTimers = false });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_hub is not null)
        {
            await _hub.DeleteAsync();
        }

        _settingsFolder?.Delete(recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

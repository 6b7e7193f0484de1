using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PepFunctions.App.Tests.Support;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// The local runner as a child process (<c>dotnet PepFunctions.LocalRunner.dll --app src/App/bin/...</c>), hosting the
/// app's build output (<see cref="RepositoryFiles.AppOutput"/>) on a fixed loopback port, so that it can be killed outright
/// (<c>kill -9</c>) and started again on the same task hub and port.
/// </summary>
internal sealed class RunnerProcess : IDisposable
{
    private const int TailLines = 60;

    /// <summary>
    /// The settings every killed-runner test starts from: its storage and task hub, one partition polled every 250 ms,
    /// queue messages a killed runner had taken hidden for 15 s (5 minutes by default), the demo accounts without demo
    /// people, and warnings only. A test adds its own on top.
    /// </summary>
    public static Dictionary<string, string> EngineSettings(string connectionString, string hub) => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["TaskHubName"] = hub,
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "1",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.250",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = "00:00:15",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:15",
        ["Staff__DemoAccounts"] = "true",
        ["Demo__Seed"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>A loopback port free now, for a runner that keeps it across restarts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromMinutes(2);

    private readonly string _runner;
    private readonly string _app;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly DirectoryInfo _workingDirectory = Directory.CreateTempSubdirectory("pep-runner-crash-");
    private readonly Queue<string> _tail = new();
    private Process? _process;

    /// <param name="port">The loopback port it listens on, every time it starts.</param>
    /// <param name="settings">App settings, given as <c>--set Key=Value</c> over the app's sample settings.</param>
    /// <param name="environment">Environment variables of the process (e.g. a <c>HOME</c> of its own), over the test's.</param>
    public RunnerProcess(int port, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        _environment = environment ?? new Dictionary<string, string>();
        // The tests reference both projects, so both are built, in the tests' configuration, in their own bin folders.
        _app = RepositoryFiles.AppOutput;
        var configuration = new DirectoryInfo(_app).Parent!.Name;
        _runner = Path.Combine(RepositoryFiles.Root, "src", "LocalRunner", "bin", configuration, "net10.0", "PepFunctions.LocalRunner.dll");
        if (!File.Exists(_runner) || !File.Exists(Path.Combine(_app, "functions.metadata")))
        {
            throw new InvalidOperationException(
                $"The crash test runs the runner's and the app's {configuration} builds: build src/LocalRunner and src/App with -c {configuration} first ({_runner}, {_app}).");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _arguments =
        [
            _runner, "--app", _app, "--settings", Path.Combine(_app, "local.settings.sample.json"), "--urls", BaseAddress.ToString().TrimEnd('/'),
            .. settings.SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" }),
        ];
    }

    public Uri BaseAddress { get; }

    /// <summary>How many times it has been started.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the runner and waits until its HTTP triggers answer (it opens them once the engine has started).</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The runner is running already.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        Remember($"--- runner started (start {Starts}, pid {_process.Id})");

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyLimit;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The runner exited with code {_process.ExitCode} while starting:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/api/health", UriKind.Relative));
                return;
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Kills the runner outright (SIGKILL: no shutdown, no lease released, work in flight lost) and waits until it is gone.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } process)
        {
            throw new InvalidOperationException("The runner is not running.");
        }

        process.Kill();
        process.WaitForExit();
        Remember($"--- runner killed (pid {process.Id})");
    }

    /// <summary>The last lines the runner printed, across its starts.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
        if (Directory.Exists(_workingDirectory.FullName))
        {
            _workingDirectory.Delete(recursive: true);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}

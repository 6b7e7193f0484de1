using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PepFunctions.Testing;

/// <summary>One Azurite service (blob, queue or table) running in its own in-memory node process.</summary>
internal sealed class AzuriteProcess : IDisposable
{
    private const int MaxAttempts = 3;
    private const int MaxTailLines = 40;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    // Preloaded into node (as a data: URL, so no file is written): ends the service once the .NET
    // process that started it is gone, so a test host killed outright, where ProcessExit never
    // runs, leaves no Azurite behind.
    private const string WatchdogScript = """
        const parentPid = process.ppid;
        setInterval(() => {
          let parentAlive = process.ppid === parentPid;
          try { process.kill(parentPid, 0); } catch { parentAlive = false; }
          if (!parentAlive) process.exit(0);
        }, 1000).unref();
        """;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private int _disposed;

    private AzuriteProcess(Process process, string service, int port)
    {
        _process = process;
        Service = service;
        Port = port;
    }

    /// <summary>The service name as Azurite spells it in flags: <c>blob</c>, <c>queue</c> or <c>table</c>.</summary>
    public string Service { get; }

    /// <summary>The loopback port the service listens on.</summary>
    public int Port { get; }

    /// <summary>Starts the service on a free loopback port and returns once that port accepts connections.</summary>
    /// <remarks>
    /// A port found free by binding port 0 can be taken by another process before node binds it;
    /// such a clash (EADDRINUSE) is retried on a new port, anything else is reported at once.
    /// </remarks>
    public static async Task<AzuriteProcess> StartAsync(
        string repoRoot, string service, TimeSpan timeout, CancellationToken cancellationToken, string? location = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            var azurite = Start(repoRoot, service, FreeLoopbackPort(), location);
            try
            {
                await azurite.WaitUntilListeningAsync(timeout, cancellationToken);
                return azurite;
            }
            catch (InvalidOperationException) when (attempt < MaxAttempts && azurite.Tail().Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                azurite.Dispose();
            }
            catch
            {
                azurite.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Starts the service again on <paramref name="port"/> (a port this test had and released), keeping its data when
    /// <paramref name="location"/> is the folder it ran on before.
    /// </summary>
    public static async Task<AzuriteProcess> RestartAsync(
        string repoRoot, string service, int port, string? location, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var azurite = Start(repoRoot, service, port, location);
        try
        {
            await azurite.WaitUntilListeningAsync(timeout, cancellationToken);
            return azurite;
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    /// <summary>Ends the node process (and anything it started) and waits briefly for it to go.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(ExitWait);
        }

        _process.Dispose();
    }

    private static AzuriteProcess Start(string repoRoot, string service, int port, string? location)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            // In-memory Azurite writes nothing, but should a version ever do, keep it out of the repository.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        string[] arguments =
        [
            "--import", "data:text/javascript," + Uri.EscapeDataString(WatchdogScript), AzuriteInstall.EntryScript(repoRoot, service),
            .. persistence,
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var azurite = new AzuriteProcess(process, service, port);
        process.OutputDataReceived += (_, e) => azurite.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Remember(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node' for Azurite; install Node.js 20 or later on PATH.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return azurite;
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // The parameterless wait also drains the redirected output, so the tail is complete.
                _process.WaitForExit();
                throw new InvalidOperationException(
                    $"Azurite {Service} (node pid {_process.Id}) exited with code {_process.ExitCode} " +
                    $"before listening on 127.0.0.1:{Port}. Its last output:{Environment.NewLine}{Tail()}");
            }

            if (await AcceptsConnectionAsync(cancellationToken))
            {
                return;
            }

            if (started.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Azurite {Service} (node pid {_process.Id}) did not accept connections on 127.0.0.1:{Port} " +
                    $"within {timeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<bool> AcceptsConnectionAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
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
            if (_tail.Count > MaxTailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    private string Tail()
    {
        lock (_tail)
        {
            return _tail.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _tail);
        }
    }
}

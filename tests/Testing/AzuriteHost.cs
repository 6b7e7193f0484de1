namespace PepFunctions.Testing;

/// <summary>
/// The Azurite storage emulator pinned by the repository's package-lock.json, running as three
/// in-memory node processes (blob, queue, table) on free loopback ports.
/// </summary>
/// <remarks>
/// Table and queue run in separate processes so that Azurite's periodic queue clean-up, which
/// blocks its single thread, cannot freeze table traffic. Data lives only in memory and is gone
/// when the host stops, so tests still need unique names (<see cref="TestNames.Hub"/>) to stay
/// independent of each other within one host. The processes are killed on dispose, on
/// <see cref="AppDomain.ProcessExit"/>, and by a watchdog inside node when the .NET process
/// disappears without running either.
/// </remarks>
public sealed class AzuriteHost : IAsyncDisposable
{
    /// <summary>The emulator's well-known account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known (public) account key.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Services = ["blob", "queue", "table"];
    private static readonly Lock SharedGate = new();
    private static Task<AzuriteHost>? s_shared;

    private readonly AzuriteProcess[] _processes;
    private readonly bool _isShared;
    private readonly string? _location;
    private int _stopped;

    private AzuriteHost(AzuriteProcess[] processes, bool isShared, string? location)
    {
        _processes = processes;
        _isShared = isShared;
        _location = location;
        BlobPort = PortOf("blob");
        QueuePort = PortOf("queue");
        TablePort = PortOf("table");
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The full storage connection string, with explicit blob, queue and table endpoints.</summary>
    public string ConnectionString { get; }

    /// <summary>The loopback port of the blob service.</summary>
    public int BlobPort { get; }

    /// <summary>The loopback port of the queue service.</summary>
    public int QueuePort { get; }

    /// <summary>The loopback port of the table service.</summary>
    public int TablePort { get; }

    /// <summary>
    /// Returns the one host shared by every test in this process, starting it on first use.
    /// </summary>
    /// <remarks>
    /// Safe to call from parallel tests. Disposing the shared host does nothing; it stops when the
    /// process exits. If starting it failed, the next call tries again.
    /// </remarks>
    public static Task<AzuriteHost> SharedAsync()
    {
        lock (SharedGate)
        {
            if (s_shared is null || s_shared.IsFaulted || s_shared.IsCanceled)
            {
                s_shared = StartAsync(isShared: true, CancellationToken.None);
            }

            return s_shared;
        }
    }

    /// <summary>Starts a private host, for a test that must not share the emulator; dispose it when done.</summary>
    public static Task<AzuriteHost> StartNewAsync(CancellationToken cancellationToken = default) =>
        StartAsync(isShared: false, cancellationToken);

    /// <summary>
    /// Starts a private host that keeps its data in files under <paramref name="location"/> instead of memory, so that
    /// <see cref="KillAll"/> and <see cref="RestartAsync"/> simulate an outage that loses nothing; dispose it when done.
    /// </summary>
    public static Task<AzuriteHost> StartNewOnDiskAsync(string location, CancellationToken cancellationToken = default) =>
        StartAsync(isShared: false, cancellationToken, location);

    /// <summary>Kills every service process at once, as an outage would (private hosts only).</summary>
    public void KillAll()
    {
        if (_isShared)
        {
            throw new InvalidOperationException("The shared Azurite cannot be killed; start a private one.");
        }

        lock (_processes)
        {
            foreach (var process in _processes)
            {
                process.Dispose();
            }
        }
    }

    /// <summary>Starts the killed services again on their ports (and, on disk, with their data).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        string repoRoot = AzuriteInstall.FindRepoRoot();
        var restarted = await Task.WhenAll(_processes.Select(p =>
            AzuriteProcess.RestartAsync(repoRoot, p.Service, p.Port, _location, StartTimeout, cancellationToken)));
        lock (_processes)
        {
            Array.Copy(restarted, _processes, restarted.Length);
        }
    }

    /// <summary>Stops a private host's processes; does nothing for the shared host.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_isShared)
        {
            Stop();
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<AzuriteHost> StartAsync(bool isShared, CancellationToken cancellationToken, string? location = null)
    {
        string repoRoot = AzuriteInstall.FindRepoRoot();
        await AzuriteInstall.EnsureInstalledAsync(repoRoot, cancellationToken);

        Task<AzuriteProcess>[] starts = Services
            .Select(service => AzuriteProcess.StartAsync(repoRoot, service, StartTimeout, cancellationToken, location))
            .ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                start.Result.Dispose();
            }

            throw;
        }

        var host = new AzuriteHost(starts.Select(s => s.Result).ToArray(), isShared, location);
        Console.Error.WriteLine(
            $"Azurite started from {repoRoot}: blob {host.BlobPort}, queue {host.QueuePort}, table {host.TablePort}.");
        return host;
    }

    private int PortOf(string service) => _processes.Single(p => p.Service == service).Port;

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var process in _processes)
        {
            process.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PepFunctions.LocalRunner.Tests.Support;
using PepFunctions.Testing;

namespace PepFunctions.LocalRunner.Tests;

/// <summary>
/// <c>scripts/run</c> as a person uses it: started from a terminal, stopped with one Ctrl+C, which the terminal sends
/// as SIGINT to the whole foreground process group. The runner drains and exits (its stated bound is 15 s), Azurite
/// stops after it, the script exits and every port it took is free again. Azurite runs on free ports and in a
/// temporary folder, and the build is skipped (the tests' build output is current).
/// </summary>
public sealed class ScriptRunTests : IDisposable
{
    // Generous: the runner's own bound is 15 s, Azurite's stop up to 10 s more; a slow shared machine gets room.
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pep-run-azurite-");
    private Process? _script;

    public void Dispose()
    {
        if (_script is { HasExited: false })
        {
            Signal(_script.Id, "KILL");
            _script.WaitForExit(10_000);
        }

        _script?.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Run_OneSigintToItsProcessGroup_StopsEverythingAndFreesItsPorts()
    {
        var (blob, queue, table, http) = (FreePort(), FreePort(), FreePort(), FreePort());
        var storage = $"DefaultEndpointsProtocol=http;AccountName={AzuriteHost.AccountName};AccountKey={AzuriteHost.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{AzuriteHost.AccountName};QueueEndpoint=http://127.0.0.1:{queue}/{AzuriteHost.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{table}/{AzuriteHost.AccountName};";
        // setsid: the script leads a process group of its own, as a shell's foreground job does.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = AppBuild.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["AZURITE_BLOB_PORT"] = blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_QUEUE_PORT"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_TABLE_PORT"] = table.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_DATA"] = _data.FullName,
                ["PEP_RUN_NO_BUILD"] = "1",
            },
        };
        foreach (var argument in new[]
        {
            "bash", "scripts/run", "--", "--urls", $"http://127.0.0.1:{http}", "--no-timers",
            "--set", $"AzureWebJobsStorage={storage}", "--set", $"TaskHubName={TestNames.Hub("run")}", "--set", "Demo__Seed=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        _script = new Process { StartInfo = start };
        _script.OutputDataReceived += (_, e) => Append(log, e.Data);
        _script.ErrorDataReceived += (_, e) => Append(log, e.Data);
        _script.Start();
        _script.BeginOutputReadLine();
        _script.BeginErrorReadLine();
        await WaitUntilAnsweringAsync(http, log);

        Signal(_script.Id, "INT");
        using var limit = new CancellationTokenSource(ExitLimit);
        await _script.WaitForExitAsync(limit.Token).ContinueWith(static _ => { }, TaskScheduler.Default);

        Assert.True(_script.HasExited, $"scripts/run still runs {ExitLimit} after one SIGINT:{Environment.NewLine}{log}");
        var output = log.ToString();
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("Stopped.", StringComparison.Ordinal) < output.IndexOf("+ stopping Azurite", StringComparison.Ordinal),
            $"Azurite was stopped before the runner had stopped:{Environment.NewLine}{output}");
        Assert.All(new[] { blob, queue, table, http }, port => Assert.False(Listening(port), $"Port {port} is still taken:{Environment.NewLine}{output}"));
    }

    private async Task WaitUntilAnsweringAsync(int port, StringBuilder log)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (true)
        {
            Assert.False(_script!.HasExited, $"scripts/run exited before answering:{Environment.NewLine}{log}");
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}/api/health");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"scripts/run did not answer within {StartLimit}:{Environment.NewLine}{log}", ex);
                }

                await Task.Delay(500);
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> to the process group led by <paramref name="leader"/>.</summary>
    private static void Signal(int leader, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", "--", $"-{leader}" }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static bool Listening(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}

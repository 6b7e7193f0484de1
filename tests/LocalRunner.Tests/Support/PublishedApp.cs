using System.Diagnostics;
using System.Text;

namespace PepFunctions.LocalRunner.Tests.Support;

/// <summary>
/// The function app as <c>dotnet publish src/App -c Release</c> lays it out for Azure, in a temporary folder: published
/// once for a test class (it takes about a minute), deleted on dispose.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(8);
    private DirectoryInfo? _output;

    internal string Directory => _output?.FullName ?? throw new InvalidOperationException("The app has not been published.");

    public async Task InitializeAsync()
    {
        _output = System.IO.Directory.CreateTempSubdirectory("pep-runner-publish-");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppBuild.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No build servers: nothing of the publish outlives the test.
        foreach (var argument in new[] { "publish", Path.Combine("src", "App", "PepFunctions.App.csproj"), "-c", "Release", "-o", _output.FullName, "--disable-build-servers", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        using var publish = new Process { StartInfo = start };
        publish.OutputDataReceived += (_, e) => Append(log, e.Data);
        publish.ErrorDataReceived += (_, e) => Append(log, e.Data);
        publish.Start();
        publish.BeginOutputReadLine();
        publish.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(PublishLimit);
        try
        {
            await publish.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish src/App did not finish within {PublishLimit}:{Environment.NewLine}{log}");
        }

        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish src/App failed with exit code {publish.ExitCode}:{Environment.NewLine}{log}");
        }
    }

    public Task DisposeAsync()
    {
        _output?.Delete(recursive: true);
        return Task.CompletedTask;
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

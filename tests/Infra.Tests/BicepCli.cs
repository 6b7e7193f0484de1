using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace PepFunctions.Infra.Tests;

/// <summary>Runs the Bicep compiler that NuGet restored for this project; nothing is installed globally.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> Executable = new(PrepareExecutable);

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in the infra/ folder and collects its output.</summary>
    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = InfraPaths.InfraDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, await standardOutput, await standardError);
    }

    private static string PrepareExecutable()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                "The infra tests run the linux-x64 Bicep compiler (Azure.Bicep.CommandLine.linux-x64); run them on Linux x64.");
        }

        var path = InfraPaths.BicepExecutable;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep compiler is missing: restore PepFunctions.Infra.Tests.", path);
        }

        // NuGet extracts files without the execute bit on some systems.
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}

/// <summary>What one <c>bicep</c> run printed.</summary>
internal sealed partial record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// The diagnostic lines, e.g. <c>/infra/main.bicep(12,5) : Warning no-unused-params: ...</c>;
    /// Bicep prints them to standard error for build and lint alike.
    /// </summary>
    public IReadOnlyList<string> Diagnostics =>
        $"{StandardError}\n{StandardOutput}".Split('\n')
            .Where(line => DiagnosticLine().IsMatch(line))
            .Select(line => line.Trim())
            .ToList();

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}

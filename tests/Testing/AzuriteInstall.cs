using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace PepFunctions.Testing;

/// <summary>Finds the repository's pinned Azurite (package.json / package-lock.json) and installs it if needed.</summary>
internal static class AzuriteInstall
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    /// <summary>The repository root: the nearest folder above the test binaries whose package.json names azurite.</summary>
    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string packageJson = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No package.json naming azurite was found in {AppContext.BaseDirectory} or any folder above it; " +
            "run the tests from inside the PEP Functions repository.");
    }

    /// <summary>The entry script of one Azurite service, e.g. <c>node_modules/azurite/dist/src/table/main.js</c>.</summary>
    public static string EntryScript(string repoRoot, string service) =>
        Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", service, "main.js");

    /// <summary>Runs <c>npm ci</c> in <paramref name="repoRoot"/> unless Azurite is already installed there.</summary>
    /// <remarks>
    /// Test assemblies run in parallel processes, so the check and the install happen under a
    /// machine-wide file lock: the second process waits and then finds Azurite installed.
    /// </remarks>
    public static async Task EnsureInstalledAsync(string repoRoot, CancellationToken cancellationToken)
    {
        if (IsInstalled(repoRoot))
        {
            return;
        }

        using FileStream installLock = await AcquireLockAsync(repoRoot, cancellationToken);
        if (IsInstalled(repoRoot))
        {
            return;
        }

        Console.Error.WriteLine($"Azurite is not installed in {repoRoot}/node_modules; running 'npm ci' there.");
        await RunNpmCiAsync(repoRoot, cancellationToken);
        if (!IsInstalled(repoRoot))
        {
            throw new InvalidOperationException(
                $"'npm ci' in {repoRoot} succeeded but {EntryScript(repoRoot, "table")} is still missing; " +
                "check that package.json pins azurite as a devDependency.");
        }
    }

    private static bool IsInstalled(string repoRoot) =>
        File.Exists(EntryScript(repoRoot, "blob")) &&
        File.Exists(EntryScript(repoRoot, "queue")) &&
        File.Exists(EntryScript(repoRoot, "table"));

    private static async Task<FileStream> AcquireLockAsync(string repoRoot, CancellationToken cancellationToken)
    {
        string pathHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repoRoot)))[..16];
        string lockPath = Path.Combine(Path.GetTempPath(), $"pep-functions-npm-ci-{pathHash}.lock");
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process holds the lock while it installs; wait for it.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            // npm is a .cmd script on Windows, which only a shell can start.
            FileName = OperatingSystem.IsWindows() ? "cmd.exe" : "npm",
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsWindows())
        {
            startInfo.ArgumentList.Add("/c");
            startInfo.ArgumentList.Add("npm");
        }

        startInfo.ArgumentList.Add("ci");
        startInfo.ArgumentList.Add("--no-audit");
        startInfo.ArgumentList.Add("--no-fund");

        using var npm = new Process { StartInfo = startInfo };
        npm.OutputDataReceived += (_, e) => WriteToStderr(e.Data);
        npm.ErrorDataReceived += (_, e) => WriteToStderr(e.Data);
        try
        {
            npm.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Could not start 'npm' to install Azurite; install Node.js 20 or later with npm.", ex);
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm ci' in {repoRoot} failed with exit code {npm.ExitCode}; its output is above on stderr.");
        }
    }

    private static void WriteToStderr(string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine("npm: " + line);
        }
    }
}

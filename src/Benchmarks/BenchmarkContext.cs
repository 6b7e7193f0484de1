using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PepFunctions.Benchmarks.Storage;
using PepFunctions.LocalRunner.Durable;

namespace PepFunctions.Benchmarks;

/// <summary>What every part of the benchmark shares: the options, Azurite (counted), logging and the report.</summary>
internal sealed class BenchmarkContext(BenchmarkOptions options, Azurite azurite, ILoggerFactory loggerFactory, Report report)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(30);

    public BenchmarkOptions Options => options;

    public Azurite Azurite => azurite;

    public ILoggerFactory LoggerFactory => loggerFactory;

    public Report Report => report;

    /// <summary>Starts measuring CPU use: this process and Azurite's.</summary>
    public CpuMeter StartCpu() => CpuMeter.Start(options.AzuritePids);

    /// <summary>A fresh task hub name: every part runs on its own hub and deletes it after.</summary>
    public static string NewHub(string part) => $"b{part}{Guid.NewGuid():N}"[..16];

    /// <summary>The app settings the runner gets for <paramref name="hub"/>: the command line's, then the benchmark's.</summary>
    public Dictionary<string, string?> AppSettings(string hub)
    {
        var settings = new Dictionary<string, string?>(options.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = azurite.Counted,
            ["TaskHubName"] = hub,
        };
        settings.TryAdd("Logging:LogLevel:Default", "Warning");
        return settings;
    }

    /// <summary>The durableTask settings the runner would apply for <paramref name="hub"/>: host.json's, with the command line's overrides.</summary>
    public DurableSettings DurableSettings(string hub)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AppSettings(hub)).Build();
        var directory = File.Exists(Path.Combine(options.AppDirectory, "host.json")) ? options.AppDirectory : ".";
        return LocalRunner.Durable.DurableSettings.Read(directory, configuration);
    }

    /// <summary>Waits until <paramref name="done"/> holds, checking every <paramref name="interval"/>.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    /// <remarks>Says every 30 s what it waits for and, when given, <paramref name="progress"/>.</remarks>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan interval, TimeSpan timeout, string what, Func<Task<string>>? progress = null)
    {
        var start = DateTime.UtcNow;
        var nextSay = start + ProgressInterval;
        while (!await done())
        {
            if (DateTime.UtcNow > start + timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.");
            }

            if (DateTime.UtcNow > nextSay)
            {
                nextSay += ProgressInterval;
                Report.Say($"waiting {(DateTime.UtcNow - start).TotalSeconds:F0} s for {what}{(progress is null ? "" : ": " + await progress())}");
            }

            await Task.Delay(interval);
        }
    }
}

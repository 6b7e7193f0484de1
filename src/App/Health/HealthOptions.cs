using System.ComponentModel.DataAnnotations;

namespace PepFunctions.App.Health;

/// <summary>How <c>GET /api/health</c> probes its dependencies (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Health";

    /// <summary>How long the storage probe may take before storage counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an answer is reused: the probe reads storage at most once per this period and instance, however often the
    /// platform and the availability test call it (up to 40 instances). Five seconds by default; zero reads every time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);
}

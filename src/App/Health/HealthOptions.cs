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
}

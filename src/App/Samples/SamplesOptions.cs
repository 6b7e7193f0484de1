using System.ComponentModel.DataAnnotations;

namespace PepFunctions.App.Samples;

/// <summary>Settings of the sample orchestrations (configuration section <c>Samples</c>).</summary>
internal sealed class SamplesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Samples";

    /// <summary>How long a new <see cref="ApprovalWorkflow"/> waits for its decision.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

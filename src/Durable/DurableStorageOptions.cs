using System.ComponentModel.DataAnnotations;
using Azure.Core.Pipeline;

namespace PepFunctions.Durable;

/// <summary>Where a task hub keeps its state.</summary>
public sealed class DurableStorageOptions
{
    /// <summary>An Azure Storage connection string, or <c>UseDevelopmentStorage=true</c> for Azurite's default ports.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// Names the task hub: its tables are <c>{TaskHubName}Instances</c>, <c>…Timers</c> and <c>…DeadLetters</c>,
    /// its queue <c>{taskhubname}-work</c> and its blob container <c>{taskhubname}-payloads</c>.
    /// Letters and digits, starting with a letter, 3–40 characters.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,39}$", ErrorMessage = "TaskHubName must be 3-40 letters and digits, starting with a letter.")]
    public string TaskHubName { get; set; } = "PepHub";

    /// <summary>Extra Azure SDK pipeline policies on every storage client (request counting, fault injection).</summary>
    public IList<HttpPipelinePolicy> AdditionalPolicies { get; } = [];
}

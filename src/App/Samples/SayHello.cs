using PepFunctions.Durable;

namespace PepFunctions.App.Samples;

/// <summary>Activity: greets a name. Stands in for real I/O, which belongs in activities.</summary>
internal sealed class SayHello(ILogger<SayHello> logger) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        // The name may be a person's: it stays out of the log.
        logger.LogInformation("Saying hello for instance {InstanceId}, task {TaskId}", context.InstanceId, context.TaskId);
        return Task.FromResult($"Hello, {input}!");
    }
}

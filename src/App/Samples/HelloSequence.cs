using PepFunctions.Durable;

namespace PepFunctions.App.Samples;

/// <summary>
/// Orchestrator: greets the given name, then Ende and Maumere (towns of East Nusa Tenggara, like Kupang),
/// one <see cref="SayHello"/> call after another, reporting progress as its custom status.
/// </summary>
internal sealed class HelloSequence : TaskOrchestrator<string, string[]>
{
    /// <inheritdoc />
    public override async Task<string[]> RunAsync(TaskOrchestrationContext context, string input)
    {
        string[] names = [input, "Ende", "Maumere"];
        var greetings = new List<string>(names.Length);
        foreach (var name in names)
        {
            greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), name));
            context.SetCustomStatus(new HelloProgress(greetings.Count, names.Length));
        }

        return [.. greetings];
    }
}

/// <summary>How far a <see cref="HelloSequence"/> has got.</summary>
internal sealed record HelloProgress(int Greeted, int Of);

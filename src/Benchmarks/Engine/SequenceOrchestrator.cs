using Microsoft.DurableTask;

namespace PepFunctions.Benchmarks.Engine;

/// <summary>The bare engine's workload: five activities in sequence, each adding one to the value.</summary>
/// <remarks>An orchestrator, replayed from its history: it tells the probe it finished only when not replaying.</remarks>
internal sealed class SequenceOrchestrator : TaskOrchestrator<int, int>
{
    public const int Length = 5;

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var value = input;
        for (var step = 0; step < Length; step++)
        {
            value = await context.CallActivityAsync<int>(nameof(IncrementActivity), value);
        }

        if (!context.IsReplaying)
        {
            SequenceProbe.Finished(context.InstanceId);
        }

        return value;
    }
}

/// <summary>One step of <see cref="SequenceOrchestrator"/>.</summary>
internal sealed class IncrementActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        if (input == 0)
        {
            SequenceProbe.Running(context.InstanceId);
        }

        return Task.FromResult(input + 1);
    }
}

/// <summary>What the sequences report in this process, so that waiting for them costs no storage requests.</summary>
internal static class SequenceProbe
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> FirstSteps = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Done = new();

    /// <summary>Sequences whose first activity has run.</summary>
    public static int RunningCount => FirstSteps.Count;

    /// <summary>Sequences whose orchestrator returned (its commit follows).</summary>
    public static int FinishedCount => Done.Count;

    public static void Running(string instanceId) => FirstSteps.TryAdd(instanceId, 0);

    public static void Finished(string instanceId) => Done.TryAdd(instanceId, 0);

    public static void Reset()
    {
        FirstSteps.Clear();
        Done.Clear();
    }
}

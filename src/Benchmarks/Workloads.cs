using PepFunctions.Durable;

namespace PepFunctions.Benchmarks;

/// <summary>The benchmark's orchestrations: a sequence of five activities, and a fan-out/fan-in.</summary>
public static class Workloads
{
    public const int SequenceLength = 5;

    /// <summary>Counts finished sequences in this process (the benchmark's clock stops on it, not on polling storage).</summary>
    internal static int SequencesDone;

    public static DurableTaskRegistry Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>(nameof(Increment), (_, value) => Task.FromResult(Increment(value)))
        .AddOrchestrator<int, int>(nameof(Sequence), Sequence)
        .AddOrchestrator<int, int>(nameof(FanOut), FanOut);

    private static int Increment(int value) => value + 1;

    public static async Task<int> Sequence(TaskOrchestrationContext context, int start)
    {
        var value = start;
        for (var i = 0; i < SequenceLength; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(Increment), value);
        }

        if (!context.IsReplaying)
        {
            Interlocked.Increment(ref SequencesDone);
        }

        return value;
    }

    public static async Task<int> FanOut(TaskOrchestrationContext context, int width)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, width).Select(i => context.CallActivityAsync<int>(nameof(Increment), i)));
        return results.Sum();
    }
}

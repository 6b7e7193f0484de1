using System.Diagnostics;
using Azure.Data.Tables;

namespace PepFunctions.Benchmarks.Engine;

/// <summary>
/// The bare engine: N five-activity sequences started at once (at the options' concurrency); how fast they are
/// accepted, running (first activity ran) and completed, and the storage requests each one costs.
/// </summary>
internal static class EngineBenchmark
{
    /// <summary>Runs N sequences; returns the start rate (sequences running per second) for the bulk enrolment's goal.</summary>
    public static async Task<double> RunAsync(BenchmarkContext context)
    {
        var n = context.Options.N;
        var hub = BenchmarkContext.NewHub("engine");
        var settings = context.DurableSettings(hub);
        Report.Say($"bare engine: hub {hub}, {n} sequences of {SequenceOrchestrator.Length} activities, {context.Options.Concurrency} concurrent starts; {Describe(settings)}");
        await using var engine = await BareEngine.StartAsync(settings, context.Azurite.Counted, context.LoggerFactory);

        // One sequence first: the worker takes its partitions and the code is compiled before the clock starts.
        var warmUp = Stopwatch.StartNew();
        await engine.StartSequenceAsync("warm-up");
        await BenchmarkContext.WaitUntilAsync(() => engine.IsCompletedAsync("warm-up"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "the warm-up sequence");
        Report.Say($"bare engine: warm-up sequence done in {warmUp.Elapsed.TotalSeconds:F1} s");
        SequenceProbe.Reset();

        var before = context.Azurite.Counts;
        var cpu = context.StartCpu();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency },
            async (i, _) => await engine.StartSequenceAsync($"seq-{i:D5}"));
        var accepted = watch.Elapsed;
        await BenchmarkContext.WaitUntilAsync(() => Task.FromResult(SequenceProbe.RunningCount >= n), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1),
            "every sequence to run its first activity", () => Task.FromResult($"{SequenceProbe.RunningCount} running"));
        var running = watch.Elapsed;
        await BenchmarkContext.WaitUntilAsync(() => Task.FromResult(SequenceProbe.FinishedCount >= n), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1),
            "every sequence to finish", () => Task.FromResult($"{SequenceProbe.FinishedCount} finished"));

        // The last orchestrators returned; their commits follow. Confirm in storage, uncounted.
        var instances = new TableClient(context.Azurite.Direct, hub + "Instances");
        await BenchmarkContext.WaitUntilAsync(async () => await CompletedAsync(instances) >= n + 1, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1),
            "every sequence to be Completed in storage");
        var completed = watch.Elapsed;
        var requests = context.Azurite.Counts.Since(before);
        var cpuUse = cpu.Stop();

        var part = $"bare engine (N={n})";
        context.Report.Add(part, "starts accepted", $"{n / accepted.TotalSeconds:F1}/s ({accepted.TotalSeconds:F1} s)");
        context.Report.Add(part, "start rate: all running (first activity ran)", $"{n / running.TotalSeconds:F1}/s ({running.TotalSeconds:F1} s)");
        context.Report.Add(part, "completion rate", $"{n / completed.TotalSeconds:F1}/s ({completed.TotalSeconds:F1} s), {n * SequenceOrchestrator.Length / completed.TotalSeconds:F0} activity steps/s");
        if (context.Azurite.Counting)
        {
            context.Report.Add(part, "storage requests per sequence",
                $"{requests.Total / (double)n:F1} ({requests.Total / (double)(n * SequenceOrchestrator.Length):F1} per activity step): {requests.Breakdown(n)}");
        }

        context.Report.Add(part, "CPU", cpuUse.ToString());
        context.Report.Add(part, "CPU per sequence", cpuUse.Per(n));
        return n / running.TotalSeconds;
    }

    public static string Describe(LocalRunner.Durable.DurableSettings s) =>
        $"partitions {s.PartitionCount}, max polling {s.MaxQueuePollingInterval.TotalSeconds:0.###} s, control batch {s.ControlQueueBatchSize}, " +
        $"extended sessions {(s.ExtendedSessionsEnabled ? "on" : "off")}, activities {s.MaxConcurrentActivityFunctions}, orchestrators {s.MaxConcurrentOrchestratorFunctions}";

    private static async Task<int> CompletedAsync(TableClient instances)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"RuntimeStatus eq {"Completed"}");
        await foreach (var _ in instances.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}

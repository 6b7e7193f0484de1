using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PepFunctions.Durable;

namespace PepFunctions.Benchmarks;

/// <summary>
/// <c>PepFunctions.Benchmarks [sequence|fanout|idle|all|worker] [--n 200,1000] [--connection CS] [--hub NAME] [--idle-seconds 60]</c>.
/// </summary>
internal static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var connection = Option(args, "--connection") ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true";
        var hub = Option(args, "--hub");
        var sizes = (Option(args, "--n") ?? "200,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var idleSeconds = int.Parse(Option(args, "--idle-seconds") ?? "60", CultureInfo.InvariantCulture);

        switch (mode)
        {
            case "worker":
                await ServeAsync(connection, hub ?? throw new ArgumentException("worker needs --hub"));
                return 0;
            case "sequence":
                foreach (var n in sizes)
                {
                    await SequenceAsync(connection, n);
                }

                return 0;
            case "fanout":
                await FanOutAsync(connection);
                return 0;
            case "idle":
                await IdleAsync(connection, idleSeconds);
                return 0;
            case "all":
                foreach (var n in sizes)
                {
                    await SequenceAsync(connection, n);
                }

                await FanOutAsync(connection);
                await IdleAsync(connection, idleSeconds);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown mode '{mode}'. Use sequence, fanout, idle, all or worker.");
                return 2;
        }
    }

    private static async Task SequenceAsync(string connection, int n)
    {
        await using var host = await BenchHost.StartAsync(connection, NewHub());
        Volatile.Write(ref Workloads.SequencesDone, 0);
        var before = host.Counter.Count;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await host.Client.StartNewAsync(nameof(Workloads.Sequence), i, new StartOrchestrationOptions { InstanceId = $"seq-{i:D5}" }, ct));
        var started = watch.Elapsed;
        while (Volatile.Read(ref Workloads.SequencesDone) < n)
        {
            await Task.Delay(5);
        }

        // The last orchestrator returned; its commit follows within a round trip. Confirm on storage, uncounted.
        await host.WaitAllCompletedAsync(n);
        var elapsed = watch.Elapsed;
        var requests = host.Counter.Count - before;
        Report(
            $"sequence n={n}",
            $"{n / elapsed.TotalSeconds:F1} orchestrations/s, {n * Workloads.SequenceLength / elapsed.TotalSeconds:F0} activity steps/s, " +
            $"{(double)requests / n:F2} storage requests per orchestration ({elapsed.TotalSeconds:F2} s in all, starts took {started.TotalSeconds:F2} s)");
    }

    private static async Task FanOutAsync(string connection)
    {
        await using var host = await BenchHost.StartAsync(connection, NewHub());
        var runs = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            var watch = Stopwatch.StartNew();
            var id = await host.Client.StartNewAsync(nameof(Workloads.FanOut), 100);
            var done = await host.Client.WaitForCompletionAsync(id);
            watch.Stop();
            if (done.ReadOutputAs<int>() != Enumerable.Range(1, 100).Sum())
            {
                throw new InvalidOperationException($"Fan-out returned {done.SerializedOutput}.");
            }

            runs.Add(watch.Elapsed.TotalSeconds);
        }

        // The first run pays for JIT compilation and the hub's first requests; the rest are the steady state.
        var warm = runs.Skip(1).Order().ToArray();
        Report("fan-out 100", $"cold {runs[0]:F3} s; warm median {warm[2]:F3} s (min {warm[0]:F3}, max {warm[^1]:F3}, 5 runs)");
    }

    private static async Task IdleAsync(string connection, int seconds)
    {
        await using var host = await BenchHost.StartAsync(connection, NewHub(), defaultPolling: true);
        var first = host.Counter.Count;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var afterFirst = host.Counter.Count;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var afterSecond = host.Counter.Count;
        Report(
            "idle",
            $"first {seconds} s: {(afterFirst - first) / (double)seconds:F3} requests/s; next {seconds} s (after back-off): {(afterSecond - afterFirst) / (double)seconds:F3} requests/s");
    }

    private static async Task ServeAsync(string connection, string hub)
    {
        await using var host = await BenchHost.StartAsync(connection, hub, defaultPolling: false, logToConsole: true);
        Console.WriteLine($"worker {host.WorkerId} serving {hub}");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
        _ = Task.Run(async () =>
        {
            // Stop when the parent closes our standard input.
            while (await Console.In.ReadLineAsync() is not null)
            {
            }

            stop.TrySetResult();
        });
        await stop.Task;
    }

    private static void Report(string name, string figures) => Console.WriteLine($"{name,-16} {figures}");

    private static string NewHub() => "bench" + Guid.NewGuid().ToString("N")[..10];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

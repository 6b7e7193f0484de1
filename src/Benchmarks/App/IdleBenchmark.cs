namespace PepFunctions.Benchmarks.App;

/// <summary>
/// The runner's idle cost: up, nothing happening, storage requests per second — the engine alone (timers off), then
/// with the timer functions on the schedules of local.settings.sample.json.
/// </summary>
internal static class IdleBenchmark
{
    /// <summary>Time for the runner to take its partitions and for the queue polling to back off before counting.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(BenchmarkContext context)
    {
        if (!context.Azurite.Counting)
        {
            Report.Say("idle: skipped, storage requests are not counted (--no-count)");
            return;
        }

        await MeasureAsync(context, runTimers: false, "engine only (timers off)");
        await MeasureAsync(context, runTimers: true, "with timers (local.settings.sample.json schedules)");
    }

    private static async Task MeasureAsync(BenchmarkContext context, bool runTimers, string measure)
    {
        await using var app = await AppUnderTest.StartAsync(context, "idle", runTimers);
        await Task.Delay(Settle);
        var before = context.Azurite.Counts;
        var cpu = context.StartCpu();
        var seconds = context.Options.IdleSeconds;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var requests = context.Azurite.Counts.Since(before);
        context.Report.Add($"runner idle ({seconds} s, after {Settle.TotalSeconds:F0} s to settle)", measure,
            $"{requests.Total / (double)seconds:F2} requests/s: {requests.Breakdown(seconds)}; CPU: {cpu.Stop()}");
    }
}

using System.Diagnostics;

namespace PepFunctions.Benchmarks.App;

/// <summary>
/// Bulk enrolment: N people enrolled through the API by several staff at once, until every pipeline has reached its
/// first wait (its record shows stage Assessment); the start rate, set against the bare engine's.
/// </summary>
internal static class BulkEnrolmentBenchmark
{
    public static async Task RunAsync(BenchmarkContext context, double? engineStartRate)
    {
        var n = context.Options.N;
        await using var app = await AppUnderTest.StartAsync(context, "bulk");
        var sessions = await Task.WhenAll(Enumerable.Range(0, context.Options.Concurrency).Select(i => StaffSession.SignInAsync(app.BaseAddress, i)));
        try
        {
            var warmUp = Stopwatch.StartNew();
            await sessions[0].EnrolAsync("WARM-UP");
            await WaitForAssessmentAsync(app, 1);
            Report.Say($"bulk: warm-up pipeline waiting after {warmUp.Elapsed.TotalSeconds:F1} s; enrolling {n} with {sessions.Length} staff at once");

            var before = context.Azurite.Counts;
            var cpu = context.StartCpu();
            var watch = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(sessions.Select(async session =>
            {
                for (var i = Interlocked.Increment(ref next); i <= n; i = Interlocked.Increment(ref next))
                {
                    await session.EnrolAsync($"BULK-{i:D6}");
                }
            }));
            var accepted = watch.Elapsed;
            Report.Say($"bulk: {n} enrolments answered after {accepted.TotalSeconds:F1} s");
            await WaitForAssessmentAsync(app, n + 1);
            var waiting = watch.Elapsed;
            var requests = context.Azurite.Counts.Since(before);
            var cpuUse = cpu.Stop();

            var part = $"bulk enrolment (N={n}, {sessions.Length} staff at once)";
            var rate = n / waiting.TotalSeconds;
            context.Report.Add(part, "enrolments answered", $"{n / accepted.TotalSeconds:F1}/s ({accepted.TotalSeconds:F1} s)");
            context.Report.Add(part, "start rate: every pipeline at its first wait (stage Assessment)", $"{rate:F1}/s ({waiting.TotalSeconds:F1} s)",
                engineStartRate is { } engine
                    ? $"≥ half the bare engine's {engine:F1}/s: {(rate >= engine / 2 ? "met" : "missed")} ({rate / engine:P0} of it)"
                    : "≥ half the bare engine's start rate (run with the engine part to compare)");
            if (context.Azurite.Counting)
            {
                context.Report.Add(part, "storage requests per enrolment (to first wait)", $"{requests.Total / (double)n:F1}: {requests.Breakdown(n)}");
            }

            context.Report.Add(part, "CPU", cpuUse.ToString());
            context.Report.Add(part, "CPU per pipeline", cpuUse.Per(n));
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }

    private static Task WaitForAssessmentAsync(AppUnderTest app, int count) =>
        BenchmarkContext.WaitUntilAsync(async () => await app.Records.CountAsync("Assessment") >= count, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(2),
            $"{count} pipelines at their first wait", async () => $"{await app.Records.CountAsync("Assessment")} there");
}

using System.Diagnostics;

namespace PepFunctions.Benchmarks.App;

/// <summary>
/// Storage requests per pipeline step, everything counted (the API's own reads and writes, the engine's messages,
/// history and polling, retries): K pipelines are enrolled and run to their first wait, then assessed and run to
/// Training. The benchmark waits by reading the records directly, uncounted.
/// </summary>
internal static class StepsBenchmark
{
    public static async Task RunAsync(BenchmarkContext context)
    {
        if (!context.Azurite.Counting)
        {
            Report.Say("steps: skipped, storage requests are not counted (--no-count)");
            return;
        }

        var k = context.Options.StepPipelines;
        await using var app = await AppUnderTest.StartAsync(context, "steps");
        var sessions = await Task.WhenAll(Enumerable.Range(0, Math.Min(k, context.Options.Concurrency)).Select(i => StaffSession.SignInAsync(app.BaseAddress, i)));
        try
        {
            var warmUp = await sessions[0].EnrolAsync("WARM-UP");
            await WaitForAsync(app, "Assessment", 1);
            await sessions[0].RecordAssessmentAsync(warmUp);
            await WaitForAsync(app, "Training", 1);

            var part = $"storage requests per pipeline step ({k} pipelines, {sessions.Length} staff at once)";
            // Each case is assessed by the officer who enrolled it (others may not see it). The warm-up case is at
            // Training now: K at Assessment, then K + 1 at Training.
            var cases = new (StaffSession Session, string Id)[k];
            var enrolment = await CountAsync(context, app, k, "Assessment", k, () => ForEachAsync(sessions, k,
                async (session, i) => cases[i] = (session, await session.EnrolAsync($"STEP-{i:D6}"))));
            context.Report.Add(part, "enrolment → first wait (POST /api/cases, start, RecordProgress)", enrolment);
            var assessment = await CountAsync(context, app, k, "Training", k + 1, () => ForEachAsync(sessions, k,
                (_, i) => cases[i].Session.RecordAssessmentAsync(cases[i].Id)));
            context.Report.Add(part, "assessment → Training (POST assessment, event, RecordProgress)", assessment);
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }

    private static async Task<string> CountAsync(BenchmarkContext context, AppUnderTest app, int k, string stage, int count, Func<Task> act)
    {
        var before = context.Azurite.Counts;
        var watch = Stopwatch.StartNew();
        await act();
        await WaitForAsync(app, stage, count);
        var requests = context.Azurite.Counts.Since(before);
        return $"{requests.Total / (double)k:F1} per pipeline ({watch.Elapsed.TotalSeconds:F1} s): {requests.Breakdown(k)}";
    }

    private static Task ForEachAsync(StaffSession[] sessions, int k, Func<StaffSession, int, Task> act)
    {
        var next = -1;
        return Task.WhenAll(sessions.Select(async session =>
        {
            for (var i = Interlocked.Increment(ref next); i < k; i = Interlocked.Increment(ref next))
            {
                await act(session, i);
            }
        }));
    }

    private static Task WaitForAsync(AppUnderTest app, string stage, int count) =>
        BenchmarkContext.WaitUntilAsync(async () => await app.Records.CountAsync(stage) >= count, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(30),
            $"{count} cases at {stage}");
}

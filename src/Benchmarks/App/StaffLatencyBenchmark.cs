using System.Collections.Concurrent;
using System.Diagnostics;

namespace PepFunctions.Benchmarks.App;

/// <summary>
/// Staff-action latency: each staff member records the assessment of their own cases one after another, with a pause
/// between (<see cref="BenchmarkOptions.Think"/>), and we time
/// the POST to its answer (their own write), and to the moment <c>GET /api/cases/{id}</c> shows the stage the
/// orchestration moved the case to (Training): the follow-on.
/// </summary>
/// <remarks>
/// The record is watched with a direct point read every <see cref="PollInterval"/> (uncounted and light on Azurite);
/// once it shows Training, a <c>GET /api/cases/{id}</c> must show it too, and the follow-on time is when that GET
/// answered, so it includes one API read.
/// </remarks>
internal static class StaffLatencyBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(BenchmarkContext context)
    {
        await using var app = await AppUnderTest.StartAsync(context, "staff");
        var warmUp = Stopwatch.StartNew();
        await MeasureAsync(context, app, staff: 1, actions: 2, report: false);
        Report.Say($"staff: warm-up done in {warmUp.Elapsed.TotalSeconds:F1} s");
        foreach (var staff in context.Options.Staff)
        {
            await MeasureAsync(context, app, staff, context.Options.Actions, report: true);
        }
    }

    private static async Task MeasureAsync(BenchmarkContext context, AppUnderTest app, int staff, int actions, bool report)
    {
        var rounds = (actions + staff - 1) / staff;
        var sessions = await Task.WhenAll(Enumerable.Range(0, staff).Select(i => StaffSession.SignInAsync(app.BaseAddress, i)));
        try
        {
            var cases = await Task.WhenAll(sessions.Select((session, s) => EnrolAsync(session, $"S{staff}-{s:D2}", rounds)));
            var all = cases.SelectMany(c => c).ToArray();
            await BenchmarkContext.WaitUntilAsync(async () => (await Task.WhenAll(all.Select(app.Records.StageAsync))).All(s => s == "Assessment"),
                TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10), "the cases to reach Assessment");

            var answers = new ConcurrentBag<double>();
            var followOns = new ConcurrentBag<double>();
            var reads = new ConcurrentBag<double>();
            var before = context.Azurite.Counts;
            var cpu = context.StartCpu();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(sessions.Select(async (session, s) =>
            {
                foreach (var caseId in cases[s])
                {
                    await Task.Delay(context.Options.Think * (0.5 + Random.Shared.NextDouble()));
                    var (answer, followOn, read) = await ActAsync(app, session, caseId);
                    answers.Add(answer);
                    followOns.Add(followOn);
                    reads.Add(read);
                }
            }));
            var elapsed = watch.Elapsed;
            var requests = context.Azurite.Counts.Since(before);
            var cpuUse = cpu.Stop();
            if (!report)
            {
                return;
            }

            var part = $"staff latency, {staff} concurrent ({context.Options.Think.TotalSeconds:0.#} s pauses)";
            context.Report.Add(part, "own write in the answer (POST assessment)", Report.Latencies([.. answers]), staff >= 20 ? Goal(answers, 300) : "");
            context.Report.Add(part, "follow-on visible (GET shows Training)", Report.Latencies([.. followOns]), staff >= 20 ? Goal(followOns, 2000) : "");
            context.Report.Add(part, "GET /api/cases/{id}", Report.Latencies([.. reads]));
            context.Report.Add(part, "actions per second", $"{answers.Count / elapsed.TotalSeconds:F1} ({answers.Count} in {elapsed.TotalSeconds:F1} s)");
            if (context.Azurite.Counting)
            {
                context.Report.Add(part, "storage requests per action (POST, follow-on, one GET)", $"{requests.Total / (double)answers.Count:F1}: {requests.Breakdown(answers.Count)}");
            }

            context.Report.Add(part, "CPU", cpuUse.ToString());
            context.Report.Add(part, "CPU per action", cpuUse.Per(answers.Count));
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }

    private static async Task<string[]> EnrolAsync(StaffSession session, string prefix, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await session.EnrolAsync($"{prefix}-{Guid.NewGuid():N}"[..24]);
        }

        return ids;
    }

    private static async Task<(double Answer, double FollowOn, double Read)> ActAsync(AppUnderTest app, StaffSession session, string caseId)
    {
        var watch = Stopwatch.StartNew();
        await session.RecordAssessmentAsync(caseId);
        var answer = watch.Elapsed.TotalMilliseconds;
        while (await app.Records.StageAsync(caseId) != "Training")
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"Case {caseId} did not move to Training within 5 minutes of its assessment.");
            }

            await Task.Delay(PollInterval);
        }

        var readStart = watch.Elapsed.TotalMilliseconds;
        var stage = await session.StageAsync(caseId);
        var followOn = watch.Elapsed.TotalMilliseconds;
        return stage == "Training"
            ? (answer, followOn, followOn - readStart)
            : throw new InvalidOperationException($"The record of {caseId} shows Training, but GET /api/cases/{caseId} shows {stage}.");
    }

    private static string Goal(IEnumerable<double> milliseconds, double p95Goal)
    {
        var p95 = Report.Percentile([.. milliseconds], 95);
        return p95 <= p95Goal ? $"p95 ≤ {p95Goal:F0} ms: met" : $"p95 ≤ {p95Goal:F0} ms: missed by {p95 - p95Goal:F0} ms";
    }
}

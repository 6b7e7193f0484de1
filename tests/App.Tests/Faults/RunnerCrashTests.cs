using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Testing;
using Xunit.Abstractions;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// The local runner killed outright (<c>kill -9</c>) again and again while a hundred pipelines run, and started again on
/// the same task hub and port: every pipeline graduates, every staff action and stage is on its case's timeline once,
/// each case is listed once and only at its office, and no referral is made twice.
/// </summary>
/// <remarks>
/// The runner is a child process on a task hub of its own, with pipeline durations short enough for a pipeline to
/// graduate in seconds. The kills fall at random moments (the seed is in the output): in an activity, between an
/// orchestration's steps, in the middle of a staff request. A staff request the kill cut short is sent again with the
/// same idempotency key, as a careful client does, and must get the first answer. The pipeline repair runs every ten
/// seconds as it does in production (every five minutes there). A message the killed process had taken reappears only
/// after the queues' visibility timeout, shortened here from 5 minutes to 15 seconds.
/// </remarks>
public sealed class RunnerCrashTests(ITestOutputHelper output)
{
    private const int Pipelines = 100;
    private const int Kills = 8;
    private static readonly TimeSpan StartSpacing = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan WalkLimit = TimeSpan.FromMinutes(20);
    private static readonly string[] ActionsOnce =
        ["Enrolled", "AssessmentRecorded", "ReleaseRecorded", "Released", "FollowUpRecorded", "ReferralSubmitted", "SalesRecorded", "Closed"];
    private static readonly string[] StagesOnce = ["Assessment|assessment|", "Training|release|", "Mentoring|follow-up|1", "Mentoring|programme end|"];

    [Fact]
    public async Task Runner_KilledRepeatedlyWhileAHundredPipelinesRun_EveryPipelineGraduatesWithEachActionRecordedOnce()
    {
        var azurite = await AzuriteHost.SharedAsync();
        var hub = TestNames.Hub("crash");
        var clock = Stopwatch.StartNew();
        var runner = new RunnerProcess(RunnerProcess.FreeLoopbackPort(), Settings(azurite.ConnectionString, hub));
        try
        {
            await runner.StartAsync();
            using var lapas = new StaffClient(runner.BaseAddress, "lapas.kupang");
            using var mentor = new StaffClient(runner.BaseAddress, "mentor.kupang");
            using var reader = new StaffClient(runner.BaseAddress, "kanwil.ntt");
            foreach (var staff in new[] { lapas, mentor, reader })
            {
                await staff.SignInAsync(output.WriteLine, CancellationToken.None);
            }

            var board = new CaseBoard(reader, [PipelineWalk.Lapas, PipelineWalk.Bapas]);
            var walks = Enumerable.Range(1, Pipelines).Select(n => new PipelineWalk(n, lapas, mentor, reader, board)).ToList();
            using var limit = new CancellationTokenSource(WalkLimit);
            var reading = board.RunAsync(limit.Token);
            // Started a moment apart, so that each kill finds the pipelines at every stage.
            var walking = walks.Select(w => WalkAsync(w, StartSpacing * (w.Number - 1), limit.Token)).ToList();
            var all = Task.WhenAll(walking);
            var kills = await KillRepeatedlyAsync(runner, walks, all, clock);
            try
            {
                await all;
            }
            catch (Exception) when (walking.Any(w => !w.IsCompletedSuccessfully))
            {
                // Each walk's own failure is reported below, with where it stood.
            }

            await limit.CancelAsync();
            await reading;
            output.WriteLine($"walks done at {clock.Elapsed.TotalSeconds:F0} s");

            var problems = new List<string>();
            await board.RefreshAsync(CancellationToken.None);
            for (var i = 0; i < walks.Count; i++)
            {
                problems.AddRange(walking[i].IsCompletedSuccessfully
                    ? await CheckCaseAsync(walks[i], board.Rows)
                    : [$"Pipeline {walks[i].Number} ({walks[i].CaseId}) did not finish: {walks[i].Step}; {walking[i].Exception?.InnerException?.Message ?? "stopped after " + WalkLimit}"]);
            }

            problems.AddRange(await CheckProgrammeReportAsync(runner));
            var report = Report(walks, kills, problems, clock);
            output.WriteLine(report);
            Assert.True(kills.Count >= 3, $"The pipelines finished before the runner was killed three times: the test crashed too little.{Environment.NewLine}{report}");
            Assert.True(problems.Count == 0, $"{report}{Environment.NewLine}The runner's last lines:{Environment.NewLine}{runner.Tail()}");
        }
        finally
        {
            runner.Dispose();
            await TaskHubStorage.DeleteAsync(azurite.ConnectionString, hub);
        }
    }

    /// <summary>
    /// The programme report of the walks' province counts each of the hundred people once per figure, however many of their
    /// requests a kill cut off and were sent again, and a rebuild from the records gives the same figures.
    /// </summary>
    private async Task<List<string>> CheckProgrammeReportAsync(RunnerProcess runner)
    {
        using var admin = new StaffClient(runner.BaseAddress, "admin");
        await admin.SignInAsync(output.WriteLine, CancellationToken.None);
        var today = Domain.Offices.LocalDate(Domain.Offices.LppKupang, DateTimeOffset.UtcNow);
        var path = $"/api/reports/programme?scope={Domain.Offices.KanwilNtt}&from={today.AddMonths(-1):yyyy-MM}&to={today.AddMonths(1):yyyy-MM}";
        var counted = await admin.GetJsonAsync(path, output.WriteLine, CancellationToken.None);
        var problems = new List<string>();
        var people = counted.GetProperty("people");
        foreach (var figure in new[] { "enrolled", "assessed", "released", "inMentoring", "graduated" })
        {
            if (people.GetProperty(figure).GetInt32() != Pipelines)
            {
                problems.Add($"Programme report: {figure} is {people.GetProperty(figure)}, not {Pipelines}");
            }
        }

        var referrals = counted.GetProperty("capital").GetProperty("referralsSent").GetInt32();
        var sellers = counted.GetProperty("marketing").GetProperty("peopleWithSales").GetInt32();
        if (referrals != Pipelines || sellers != Pipelines)
        {
            problems.Add($"Programme report: {referrals} referrals and {sellers} people with sales, not {Pipelines} each");
        }

        var (rebuilt, _) = await admin.SendAsync(HttpMethod.Post, "/api/reports/programme/rebuild", null, null, "rebuild the report", output.WriteLine, CancellationToken.None);
        rebuilt.Dispose();
        var recomputed = await admin.GetJsonAsync(path, output.WriteLine, CancellationToken.None);
        if (recomputed.ToString() != counted.ToString())
        {
            problems.Add($"Programme report: the counters kept as things happened differ from a rebuild from the records:{Environment.NewLine}{counted}{Environment.NewLine}{recomputed}");
        }

        return problems;
    }

    private static async Task WalkAsync(PipelineWalk walk, TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await walk.RunAsync(cancellationToken);
    }

    /// <summary>Kills the runner up to <see cref="Kills"/> times at random moments while the walks run, starting it again each time.</summary>
    private async Task<List<string>> KillRepeatedlyAsync(RunnerProcess runner, List<PipelineWalk> walks, Task all, Stopwatch clock)
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"Kill moments from seed {seed}");
        var kills = new List<string>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(random.Next(3_000, 20_000))));
            if (all.IsCompleted)
            {
                break;
            }

            runner.Kill();
            var at = walks.GroupBy(w => w.Step).Select(g => $"{g.Count()} {g.Key}");
            kills.Add($"kill {kill} at {clock.Elapsed.TotalSeconds:F1} s, walks at: {string.Join("; ", at)}");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1_000)));
            await runner.StartAsync();
            output.WriteLine($"restarted at {clock.Elapsed.TotalSeconds:F1} s");
        }

        return kills;
    }

    /// <summary>What is wrong with a walked case: not graduated, or a stage or action on its timeline other than once.</summary>
    private static async Task<List<string>> CheckCaseAsync(PipelineWalk walk, IReadOnlyList<CaseBoard.Listed> listed)
    {
        var problems = new List<string>();
        var name = $"Pipeline {walk.Number} ({walk.CaseId})";
        var rows = listed.Where(row => row.CaseId == walk.CaseId).Select(row => row.Office).ToList();
        if (rows is not [PipelineWalk.Bapas])
        {
            problems.Add($"{name}: listed at [{string.Join(", ", rows)}] instead of once at {PipelineWalk.Bapas}");
        }

        var referrals = await walk.ReferralsAsync(CancellationToken.None);
        if (referrals.Count != 1)
        {
            problems.Add($"{name}: {referrals.Count} referrals instead of 1");
        }

        var timeline = (await walk.TimelineAsync(CancellationToken.None)).Where(e => Action(e) != "Viewed").ToList();
        foreach (var action in ActionsOnce)
        {
            var entries = timeline.Where(e => Action(e) == action).ToList();
            if (entries.Count != 1)
            {
                problems.Add($"{name}: {action} is on the timeline {entries.Count} times{Listed(entries)}");
            }
        }

        var stages = timeline.Where(e => Action(e) == "StageChanged").GroupBy(StageKey).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var stage in StagesOnce.Concat(stages.Keys).Distinct())
        {
            var count = stages.TryGetValue(stage, out var entries) ? entries.Count : 0;
            if (count != 1)
            {
                problems.Add($"{name}: stage {stage} is on the timeline {count} times{Listed(entries ?? [])}");
            }
        }

        foreach (var repeated in timeline.Where(e => !ActionsOnce.Contains(Action(e)) && Action(e) != "StageChanged")
            .GroupBy(e => $"{Action(e)}: {e.GetProperty("detail").GetString()}").Where(g => g.Count() > 1))
        {
            problems.Add($"{name}: {repeated.Key} is on the timeline {repeated.Count()} times{Listed([.. repeated])}");
        }

        var closed = timeline.Where(e => Action(e) == "Closed").Select(e => e.GetProperty("detail").GetString()).FirstOrDefault();
        var progress = (await walk.CaseAsync(CancellationToken.None)).GetProperty("progress");
        if (progress.GetProperty("stage").GetString() != "Graduated" || progress.GetProperty("runtimeStatus").GetString() != "Completed" || closed?.StartsWith("Graduated", StringComparison.Ordinal) != true)
        {
            problems.Add($"{name}: not graduated: stage {progress.GetProperty("stage")}, pipeline {progress.GetProperty("runtimeStatus")}, closed as '{closed}'");
        }

        return problems;
    }

    private static string Action(JsonElement entry) => entry.GetProperty("action").GetString()!;

    private static string StageKey(JsonElement entry)
    {
        var parameters = entry.GetProperty("parameters");
        string Get(string key) => parameters.TryGetProperty(key, out var value) ? value.GetString()! : "";
        return $"{Get("stage")}|{Get("nextDue")}|{Get("sequence")}";
    }

    private static string Listed(List<JsonElement> entries) =>
        entries.Count == 0 ? "" : ": " + string.Join(" / ", entries.Select(e => $"{e.GetProperty("at")} {e.GetProperty("actor")} {e.GetProperty("detail")}"));

    private static string Report(List<PipelineWalk> walks, List<string> kills, List<string> problems, Stopwatch clock)
    {
        var report = new StringBuilder($"{walks.Count} pipelines, {kills.Count} kills, {clock.Elapsed.TotalSeconds:F0} s").AppendLine();
        kills.ForEach(k => report.AppendLine(k));
        var retried = walks.Count(w => w.Notes.Any(n => n.Contains("retrying", StringComparison.Ordinal)));
        report.AppendLine($"{retried} of {walks.Count} walks had a request cut off by a kill and sent again.");
        // Every note of the walks with a problem (and of the first, for a sense of the run); the others would be pages.
        foreach (var walk in walks.Where(w => w.Number == 1 || problems.Any(p => p.Contains(w.CaseId, StringComparison.Ordinal))))
        {
            report.AppendLine($"Pipeline {walk.Number} ({walk.CaseId}):");
            foreach (var note in walk.Notes)
            {
                report.AppendLine("  " + note);
            }
        }

        report.AppendLine(problems.Count == 0 ? "Every pipeline graduated, each action and stage recorded once, listed once, one referral each." : "Problems:");
        problems.ForEach(p => report.AppendLine("  " + p));
        return report.ToString();
    }

    private static Dictionary<string, string> Settings(string connectionString, string hub) => new(RunnerProcess.EngineSettings(connectionString, hub))
    {
        // Generous deadlines: the mentor records follow-up 1 as soon as the case reaches the Bapas, and a hundred pipelines
        // on two cores take minutes; no reminder or overdue should come before the staff do.
        ["Pipeline__AssessmentDeadline"] = "01:00:00",
        ["Pipeline__FollowUpInterval"] = "00:30:00",
        ["Pipeline__FollowUpCount"] = "1",
        ["Pipeline__ReminderLead"] = "00:00:02",
        ["Pipeline__GracePeriod"] = "00:00:02",
        ["Pipeline__GraduationMonths"] = "1",
        ["Pipeline__ProgrammePeriod"] = "01:00:00",
        ["Sweeps__PipelineRepair"] = "*/10 * * * * *",
        ["Sweeps__RepairAfter"] = "00:00:30",
    };
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;

namespace PepFunctions.Benchmarks.App;

/// <summary>
/// Issue 20's scale benchmark (<c>scripts/bench scale --scale-sizes 1000,10000</c>): for each size, N open cases and 2N
/// closed ones written straight into storage as the app writes them (records in <c>Cases</c>, summaries in
/// <c>CasesByOffice</c> in batches of 100 per office partition) across 500 offices, with the same due work at every size:
/// 100 unfinished staff actions (<c>UnfinishedActions</c>) and 100 referral reminders due (<c>ReferralReminders</c>).
/// Then one run of the pipeline repair and of the referral reminder, and one office's case list, each measured in
/// storage requests (the counting proxy) and time.
/// </summary>
/// <remarks>
/// The 500 offices are the programme's known offices and synthetic ones (<c>UPT-001</c>…), so that a known office (the
/// one whose list is read, LPP-KUPANG) holds N / 500 of the open cases like every other. The due cases are at the
/// Training stage with no pipeline instance: the repair reads their record and their (absent) instance and clears the
/// row, the same work at every size. The proxy counts requests, not the entities they return.
/// </remarks>
internal static class ScaleBenchmark
{
    private const int Offices = 500;
    private const int DueActions = 100;
    private const int DueReminders = 100;
    private const string ListedOffice = "LPP-KUPANG";

    public static async Task RunAsync(BenchmarkContext context)
    {
        foreach (var size in context.Options.ScaleSizes)
        {
            await using var app = await AppUnderTest.StartAsync(context, "scale");
            var tables = new TableServiceClient(context.Azurite.Direct);
            var seeding = Stopwatch.StartNew();
            var open = await SeedCasesAsync(tables, app.Hub, size);
            await SeedDueWorkAsync(tables, app.Hub, open);
            Report.Say($"scale {size}: {size} open and {2 * size} closed cases, {DueActions} unfinished actions and {DueReminders} reminders due, seeded in {seeding.Elapsed.TotalSeconds:F0} s");

            using var admin = await SignInAsync(app.BaseAddress, "admin");
            await MeasureAsync(context, size, "pipeline repair run", () => admin.PostAsync(new Uri("api/sweeps/PipelineRepair/run", UriKind.Relative), null));
            await MeasureAsync(context, size, "referral reminder run", () => admin.PostAsync(new Uri("api/sweeps/ReminderSweep/run", UriKind.Relative), null));
            await MeasureAsync(context, size, $"one office's case list ({ListedOffice})",
                () => admin.GetAsync(new Uri($"api/cases?office={ListedOffice}", UriKind.Relative)));
        }
    }

    private static async Task MeasureAsync(BenchmarkContext context, int size, string what, Func<Task<HttpResponseMessage>> request)
    {
        var before = context.Azurite.Counts;
        var clock = Stopwatch.StartNew();
        using var response = await request();
        var elapsed = clock.Elapsed;
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body}");
        }

        var counted = context.Azurite.Counts.Since(before);
        context.Report.Add("scale", $"{size:N0} open: {what}", $"{counted.Total} requests, {elapsed.TotalMilliseconds:F0} ms ({counted.Breakdown(1)})");
    }

    /// <summary>The open cases' ids; the closed ones are written too.</summary>
    private static async Task<List<(string CaseId, string Office)>> SeedCasesAsync(TableServiceClient tables, string hub, int size)
    {
        var cases = tables.GetTableClient(hub + "Cases");
        var summaries = tables.GetTableClient(hub + "CasesByOffice");
        await cases.CreateIfNotExistsAsync();
        await summaries.CreateIfNotExistsAsync();
        var all = Enumerable.Range(0, 3 * size).Select(n =>
        {
            var office = n % Offices == 0 ? ListedOffice : $"UPT-{n % Offices:D3}";
            var stage = n < size ? "Training" : n % 2 == 0 ? "Graduated" : "Withdrawn";
            return (CaseId: $"case-scale-{n:D7}", Office: office, Stage: stage);
        }).ToList();

        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, token) =>
        {
            var record = new TableEntity(c.CaseId, c.CaseId)
            {
                ["OfficeCode"] = c.Office, ["LapasCode"] = c.Office, ["Province"] = "NTT", ["Stage"] = c.Stage, ["RegistrationNumber"] = c.CaseId[11..],
                ["FullName"] = "Peserta Skala", ["ExpectedReleaseDate"] = "2027-06-01", ["CreatedBy"] = "lapas.kupang", ["Version"] = 1L,
                ["CreatedAt"] = DateTimeOffset.UtcNow.AddDays(-60), ["UpdatedAt"] = DateTimeOffset.UtcNow.AddDays(-30),
                ["ConsentJson"] = """{"recordedBy":"lapas.kupang","recordedAt":"2026-01-01T00:00:00Z","scope":["Programme"]}""",
            };
            if (c.Stage != "Training")
            {
                record["Outcome"] = c.Stage;
                record["ClosedAt"] = DateTimeOffset.UtcNow.AddDays(-10);
            }

            await cases.UpsertEntityAsync(record, TableUpdateMode.Replace, token);
        });

        foreach (var office in all.GroupBy(c => c.Office))
        {
            foreach (var batch in office.Chunk(100))
            {
                await summaries.SubmitTransactionAsync(batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(c.Office, c.CaseId)
                    {
                        ["RegistrationNumber"] = c.CaseId[11..], ["DisplayName"] = "Peserta Skala", ["Stage"] = c.Stage, ["Version"] = 1L,
                        ["UpdatedAt"] = DateTimeOffset.UtcNow.AddDays(-30),
                    })));
            }
        }

        return [.. all.Take(size).Select(c => (c.CaseId, c.Office))];
    }

    /// <summary>The same due work at every size: the first open cases' unfinished actions and referral reminders.</summary>
    private static async Task SeedDueWorkAsync(TableServiceClient tables, string hub, List<(string CaseId, string Office)> open)
    {
        var unfinished = tables.GetTableClient(hub + "UnfinishedActions");
        var referrals = tables.GetTableClient(hub + "Referrals");
        var reminders = tables.GetTableClient(hub + "ReferralReminders");
        var state = tables.GetTableClient(hub + "SweepState");
        foreach (var table in new[] { unfinished, referrals, reminders, state })
        {
            await table.CreateIfNotExistsAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var wait = TimeSpan.FromDays(14); // Pipeline:ReferralWait's default
        await state.UpsertEntityAsync(new TableEntity("ReminderSweep", "ReferralsWaiting") { ["Through"] = now - wait });
        var submitted = now.AddDays(-15);
        for (var i = 0; i < Math.Max(DueActions, DueReminders); i++)
        {
            var (caseId, _) = open[i * (open.Count / Math.Max(DueActions, DueReminders))];
            var at = now.AddMinutes(-10).AddMilliseconds(i);
            if (i < DueActions)
            {
                await unfinished.UpsertEntityAsync(new TableEntity("unfinished", $"{at.UtcTicks:D19}|{caseId}|release")
                {
                    ["CaseId"] = caseId, ["Kind"] = "release", ["At"] = at,
                });
            }

            if (i < DueReminders)
            {
                var referralId = $"ref-scale{i:D7}";
                await referrals.UpsertEntityAsync(new TableEntity(caseId, referralId)
                {
                    ["PartnerName"] = "Bank NTT", ["Status"] = "Submitted", ["SubmittedBy"] = "pk.kupang", ["SubmittedAt"] = submitted,
                });
                await reminders.UpsertEntityAsync(new TableEntity("due", $"{(submitted + wait).UtcTicks:D19}|{caseId}|{referralId}")
                {
                    ["CaseId"] = caseId, ["ReferralId"] = referralId, ["WaitingPartition"] = submitted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["SubmittedAt"] = submitted, ["SubmittedBy"] = "pk.kupang", ["PartnerName"] = "Bank NTT",
                });
            }
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string username)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(10),
        };
        using var response = await http.PostAsJsonAsync("api/session", new { username, password = StaffSession.Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in as {username}: {(int)response.StatusCode}");
        }

        return http;
    }
}

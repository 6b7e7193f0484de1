using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// One person's pipeline walked to graduation through the staff API, as staff would: the Lapas officer enrols with
/// consent, records the assessment and an early release (CB, to the Bapas), the mentor records follow-up 1, refers
/// the person to a lender and records a month's sales. Each action waits until the office list shows the case at the
/// stage it belongs to (<see cref="CaseBoard"/>); every call is retried while the runner is down (<see cref="StaffClient"/>).
/// </summary>
/// <remarks>
/// Each action carries an <c>Idempotency-Key</c> of its own, the same on every attempt, so a retry of an action the
/// crash cut short must get the first answer: any other answer (a 409 "recorded already" included) fails the walk.
/// </remarks>
/// <param name="number">The walk's number in the test.</param>
/// <param name="lapas">The Lapas officer who enrols, assesses and records the release.</param>
/// <param name="mentor">The Bapas mentor who records the follow-up, the referral and the sales.</param>
/// <param name="reader">A Kanwil coordinator of the province, who sees the case before and after release: reads the timeline.</param>
/// <param name="board">The office lists, read for every walk.</param>
internal sealed class PipelineWalk(int number, StaffClient lapas, StaffClient mentor, StaffClient reader, CaseBoard board)
{
    public const string Lapas = "LPP-KUPANG";
    public const string Bapas = "BAPAS-KUPANG";
    private readonly List<string> _notes = [];
    private readonly string _registration = $"CRASH-{number}-{RandomNumberGenerator.GetHexString(6)}";

    public int Number => number;

    public string CaseId => TestCaseIds.For(Lapas, _registration);

    /// <summary>What the walk is doing (or last did).</summary>
    public string Step { get; private set; } = "not started";

    /// <summary>Retries, 409s to retries, and the steps, in order.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_notes)
            {
                return [.. _notes];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = Domain.Offices.LocalDate(Domain.Offices.LppKupang, DateTimeOffset.UtcNow); // staff date actions by their office's calendar (WITA)
        await ActAsync(lapas, "enrol", "/api/cases", HttpStatusCode.Created, new
        {
            officeCode = Lapas,
            registrationNumber = _registration,
            fullName = $"Peserta Uji {number}",
            expectedReleaseDate = Day(today.AddYears(1)),
            consent = new { recordedBy = lapas.Username, recordedAt = DateTimeOffset.UtcNow, scope = new[] { "Programme", "ShareWithMentors", "ShareWithFinancingPartners", "ProductPromotion" } },
        }, cancellationToken);

        await WaitForStageAsync(Lapas, "Assessment", null, cancellationToken);
        await ActAsync(lapas, "record the assessment", $"/api/cases/{CaseId}/assessment", HttpStatusCode.Accepted, new
        {
            interests = new[] { "TenunWeaving", "Snacks" },
            priorSkills = new[] { "TenunWeaving" },
            education = "Primary",
            canReadWrite = true,
            preferredBusiness = "Crafts",
        }, cancellationToken);

        await WaitForStageAsync(Lapas, "Training", null, cancellationToken);
        await ActAsync(lapas, "record a CB release", $"/api/cases/{CaseId}/release", HttpStatusCode.Accepted, new
        {
            kind = "ConditionalLeave",
            date = Day(today),
            sentenceEnd = Day(today.AddMonths(6)),
            mentor = mentor.Username,
        }, cancellationToken);

        await WaitForStageAsync(Bapas, "Mentoring", null, cancellationToken);
        await ActAsync(mentor, "record follow-up 1", $"/api/cases/{CaseId}/follow-ups/1", HttpStatusCode.Accepted, new
        {
            date = Day(today),
            mode = "InPerson",
            businessStatus = "Preparing",
            incomeBand = "Below1M",
            needs = "Benang dan alat tenun",
        }, cancellationToken);

        await ActAsync(mentor, "refer to a lender", $"/api/cases/{CaseId}/referrals", HttpStatusCode.Created, new
        {
            partnerName = "Bank NTT",
            kind = "KurBank",
            amount = 5_000_000,
            purpose = "Alat tenun dan benang",
        }, cancellationToken);

        // One selling month graduates (Pipeline:GraduationMonths 1); the pipeline reads sales once mentoring is over.
        await WaitForStageAsync(Bapas, "Mentoring", "programme end", cancellationToken);
        await ActAsync(mentor, "record sales", $"/api/cases/{CaseId}/sales", HttpStatusCode.OK, new
        {
            month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            salesRupiah = 1_500_000,
        }, cancellationToken);

        Step = "waiting for the pipeline to close the case";
        await board.WaitForAsync(CaseId, Bapas, "Graduated", null, cancellationToken);

        // The record closes in the pipeline's last activity; the pipeline completes in the step after it, which waits
        // for its queue's lease when a kill came between the two (seconds to half a minute).
        Step = "waiting for the pipeline to complete";
        while ((await CaseAsync(cancellationToken)).GetProperty("progress").GetProperty("runtimeStatus").GetString() != "Completed")
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        Step = "closed";
        Note(Step);
    }

    /// <summary>The case's timeline, oldest first.</summary>
    public async Task<List<JsonElement>> TimelineAsync(CancellationToken cancellationToken) =>
        [.. (await reader.GetJsonAsync($"/api/cases/{CaseId}/timeline", Note, cancellationToken)).EnumerateArray()];

    /// <summary>The case's capital referrals.</summary>
    public async Task<List<JsonElement>> ReferralsAsync(CancellationToken cancellationToken) =>
        [.. (await reader.GetJsonAsync($"/api/cases/{CaseId}/referrals", Note, cancellationToken)).EnumerateArray()];

    /// <summary>The case record (a read the timeline audits as Viewed).</summary>
    public Task<JsonElement> CaseAsync(CancellationToken cancellationToken) => reader.GetJsonAsync($"/api/cases/{CaseId}", Note, cancellationToken);

    private async Task ActAsync(StaffClient staff, string what, string path, HttpStatusCode expected, object body, CancellationToken cancellationToken)
    {
        Step = what;
        var (response, retried) = await staff.SendAsync(HttpMethod.Post, path, body, Guid.NewGuid().ToString("N"), what, Note, cancellationToken);
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == expected)
            {
                Note($"{what}: {(int)response.StatusCode}{(retried ? " (after a retry)" : "")}");
                return;
            }

            throw new InvalidOperationException($"Pipeline {number} ({CaseId}), {what} as {staff.Username}: {(int)response.StatusCode} {text}");
        }
    }

    private Task WaitForStageAsync(string office, string stage, string? nextDue, CancellationToken cancellationToken)
    {
        Step = $"waiting for {stage}{(nextDue is null ? "" : $" ({nextDue})")}";
        return board.WaitForAsync(CaseId, office, stage, nextDue, cancellationToken);
    }

    private void Note(string note)
    {
        lock (_notes)
        {
            _notes.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {note}");
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

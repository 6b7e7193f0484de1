using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Files;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Once a day, at 07:00 in each supervisor's own time zone, tells each supervisor how many follow-ups are overdue
/// among the people they supervise: those of the mentors who report to them, and those held by their reports' offices.
/// </summary>
/// <remarks>
/// <para>
/// Supervisors are the <see cref="StaffMember.SupervisorUsername"/>s in the <see cref="StaffDirectory"/>. Overdue
/// follow-ups are the <c>FollowUpsDue</c> rows (kept by the mentoring feature) in state Overdue. One digest per
/// supervisor per day of the supervisor's office (the deduplication key holds that local date); none when nothing is overdue.
/// </para>
/// <para>
/// The timer (<c>Sweeps:DailyDigest</c>) fires every hour; each scheduled run (<see cref="RunOnScheduleAsync"/>) sends the
/// digest to the supervisors whose office's clock has reached <see cref="LocalHour"/>:00 (WIB, WITA or WIT, see
/// <see cref="Offices.TimeZoneOf"/>), so Kupang gets it at 07:00 WITA (23:00 UTC) and Tangerang at 07:00 WIB (00:00 UTC).
/// A run missed at 07:00 (an outage, a deployment) is made up by the next hourly run of the same local day. A run on
/// demand (<see cref="RunAsync"/>) sends every supervisor's digest for their local date now, whatever the hour.
/// </para>
/// </remarks>
internal sealed class OverdueDigestSweep(
    HubStorage storage, StaffDirectory directory, NotificationOutbox outbox, TimeProvider time, ILogger<OverdueDigestSweep> logger) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "DailyDigest";

    /// <summary>The kind of notification it queues.</summary>
    public const string NotificationKind = "OverdueDigest";

    /// <summary>The hour of the supervisor's local day from which the scheduled digest goes out.</summary>
    public const int LocalHour = 7;

    private const int CasesListed = 10;

    private readonly SweepState state = new(storage);

    public string Name => SweepName;

    /// <summary>Sends every supervisor's digest for their office's date now (run on demand).</summary>
    public Task<SweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken) => SendDigestsAsync(onSchedule: false, cancellationToken);

    /// <summary>Sends the digest to the supervisors whose office's clock has reached <see cref="LocalHour"/>:00 today.</summary>
    public Task<SweepResult> RunOnScheduleAsync(DurableTaskClient client, CancellationToken cancellationToken) => SendDigestsAsync(onSchedule: true, cancellationToken);

    private async Task<SweepResult> SendDigestsAsync(bool onSchedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var staff = await directory.ListAsync(cancellationToken);
        var supervised = staff.Where(s => s.SupervisorUsername is not null).GroupBy(s => s.SupervisorUsername!, StringComparer.OrdinalIgnoreCase)
            .Select(reports => (Reports: reports, Office: staff.FirstOrDefault(s => string.Equals(s.Username, reports.Key, StringComparison.OrdinalIgnoreCase))?.OfficeCode
                ?? reports.First().OfficeCode))
            .ToList();

        // On schedule, only the time zones whose clock has reached 07:00 and whose digests of today are not all queued yet:
        // most hourly runs read nothing but these few saved dates (one row per zone), not the country's overdue follow-ups.
        var zones = supervised.Select(s => Offices.TimeZoneOf(s.Office).Id).Distinct(StringComparer.Ordinal).ToList();
        var due = new List<string>();
        foreach (var zone in zones)
        {
            var local = Offices.ToLocal(supervised.First(s => Offices.TimeZoneOf(s.Office).Id == zone).Office, now);
            if (!onSchedule || (local.Hour >= LocalHour && await state.GetAsync(SweepName, zone, cancellationToken) != Dates.Format(DateOnly.FromDateTime(local.DateTime))))
            {
                due.Add(zone);
            }
        }

        if (due.Count == 0)
        {
            return new SweepResult(SweepName, 0, 0);
        }

        var overdue = await ReadOverdueAsync(Offices.Seed.Max(office => Offices.LocalDate(office.Code, now)), cancellationToken);
        var notified = 0;
        foreach (var (reports, supervisorOffice) in supervised.Where(s => due.Contains(Offices.TimeZoneOf(s.Office).Id)))
        {
            var local = Offices.ToLocal(supervisorOffice, now);
            var today = DateOnly.FromDateTime(local.DateTime);
            var offices = reports.Select(r => r.OfficeCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var mentors = reports.Select(r => r.Username).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var theirs = overdue
                .Where(row => offices.Contains(row.OfficeCode) || (row.MentorUsername is { } mentor && mentors.Contains(mentor)))
                .OrderBy(row => row.DueAt)
                .ToList();
            if (theirs.Count == 0)
            {
                continue;
            }

            var listed = string.Join(", ", theirs.Take(CasesListed).Select(row => $"{row.CaseId} #{row.Sequence}"));
            var more = theirs.Count > CasesListed ? $" (+{theirs.Count - CasesListed})" : "";
            var notification = new Notification(reports.Key, NotificationKind, Detail:
                $"{theirs.Count} kunjungan pendampingan terlambat. {theirs.Count} overdue follow-up(s) in {string.Join(", ", offices.Order())} on {Dates.Format(today)}: {listed}{more}.");
            if (await outbox.EnqueueAsync(notification, $"{SweepName}|{Dates.Format(today)}", cancellationToken))
            {
                notified++;
                logger.LogInformation("Overdue digest queued for {Supervisor}: {Count} follow-ups", reports.Key, theirs.Count);
            }
        }

        // Saved once every digest of the zone is queued: a run cut off before this sends the rest next hour (deduplicated).
        foreach (var zone in due)
        {
            var local = Offices.ToLocal(supervised.First(s => Offices.TimeZoneOf(s.Office).Id == zone).Office, now);
            if (local.Hour >= LocalHour)
            {
                await state.SaveAsync(SweepName, zone, Dates.Format(DateOnly.FromDateTime(local.DateTime)), cancellationToken);
            }
        }

        return new SweepResult(SweepName, overdue.Count, notified);
    }

    /// <summary>The overdue rows due on or before <paramref name="latestDate"/>, the latest date any office has reached.</summary>
    private async Task<List<FollowUpDueEntity>> ReadOverdueAsync(DateOnly latestDate, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUpsDue, cancellationToken);
        var overdueState = nameof(FollowUpState.Overdue);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Dates.Format(latestDate)} and State eq {overdueState}");
        var rows = new List<FollowUpDueEntity>();
        await foreach (var row in table.QueryAsync<FollowUpDueEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}

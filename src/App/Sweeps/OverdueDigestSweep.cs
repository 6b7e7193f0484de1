using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Staff;
using PepFunctions.Domain;

namespace PepFunctions.App.Sweeps;

/// <summary>
/// Once a day, tells each supervisor how many follow-ups are overdue among the people they supervise: those of
/// the mentors who report to them, and those held by their reports' offices.
/// </summary>
/// <remarks>
/// Supervisors are the <see cref="StaffMember.SupervisorUsername"/>s in the <see cref="StaffDirectory"/>. Overdue
/// follow-ups are the <c>FollowUpsDue</c> rows (kept by the mentoring feature) in state Overdue, due today or
/// earlier. One digest per supervisor per day (the deduplication key holds the date); none when nothing is overdue.
/// </remarks>
internal sealed class OverdueDigestSweep(
    HubStorage storage, StaffDirectory directory, NotificationOutbox outbox, TimeProvider time, ILogger<OverdueDigestSweep> logger) : ISweep
{
    /// <summary>The sweep's name.</summary>
    public const string SweepName = "DailyDigest";

    /// <summary>The kind of notification it queues.</summary>
    public const string NotificationKind = "OverdueDigest";

    private const int CasesListed = 10;

    public string Name => SweepName;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var overdue = await ReadOverdueAsync(today, cancellationToken);
        var notified = 0;
        foreach (var reports in directory.All.Where(s => s.SupervisorUsername is not null).GroupBy(s => s.SupervisorUsername!, StringComparer.OrdinalIgnoreCase))
        {
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

        return new SweepResult(SweepName, overdue.Count, notified);
    }

    private async Task<List<FollowUpDueEntity>> ReadOverdueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(FollowUpTables.FollowUpsDue, cancellationToken);
        var overdueState = nameof(FollowUpState.Overdue);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Dates.Format(today)} and State eq {overdueState}");
        var rows = new List<FollowUpDueEntity>();
        await foreach (var row in table.QueryAsync<FollowUpDueEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}

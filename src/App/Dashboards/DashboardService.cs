using System.Globalization;
using PepFunctions.App.Capital;
using PepFunctions.App.Cases;
using PepFunctions.App.Marketing;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Dashboards;

/// <summary>
/// Gathers a dashboard's figures through the feature services, so every number respects what the staff member
/// may see (<see cref="AccessPolicy"/>): an office's staff see their office, a Kanwil coordinator the UPTs of
/// the province, national staff every office.
/// </summary>
/// <remarks>
/// "Due in the next 7 days" counts in each office's own calendar (WIB, WITA or WIT; <see cref="Offices.LocalDate"/>):
/// a follow-up due at 16:30 UTC on the 8th is due on the 9th in Kupang, outside a week that starts on the 2nd there.
/// </remarks>
internal sealed class DashboardService(CaseService cases, TrainingService training, ProductService products, ReferralService referrals, TimeProvider clock)
{
    private const int RecentCount = 10;

    private const int DueSoonDays = 7;

    /// <summary>The UPTs (Lapas, Rutan, Bapas) the staff member sees: the choices of the office filter.</summary>
    public static IReadOnlyList<Office> VisibleUpts(StaffMember staff) =>
        [.. Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan or OfficeKind.Bapas && AccessPolicy.CanView(staff, o.Code))];

    /// <summary>The figures for one office (<paramref name="officeCode"/>) or, when null, every UPT the staff member sees.</summary>
    public async Task<DashboardFigures> GetAsync(StaffMember staff, string? officeCode, CancellationToken cancellationToken)
    {
        var offices = officeCode is null ? VisibleUpts(staff) : [.. VisibleUpts(staff).Where(o => o.Code == officeCode)];
        var codes = offices.Select(o => o.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var casesTask = cases.ListAsync(staff, new CaseListQuery(officeCode, null), cancellationToken);
        // One day more than the week: the follow-ups are kept by UTC date, and every Indonesian zone is ahead of UTC.
        var dueTask = cases.ListDueFollowUpsAsync(staff, officeCode, (DueSoonDays + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
        var batchesTask = training.ListBatchesAsync(staff, officeCode, cancellationToken);
        var curationTask = products.QueueAsync(staff, CurationStatus.Pending, cancellationToken);
        var waitingTask = referrals.ListWaitingAsync(staff, officeCode, cancellationToken);
        await Task.WhenAll(casesTask, dueTask, batchesTask, curationTask, waitingTask);

        var people = casesTask.Result.Where(c => codes.Contains(c.OfficeCode)).ToList();
        var now = clock.GetUtcNow();
        var due = dueTask.Result
            .Where(f => codes.Contains(f.OfficeCode)
                && (f.State == FollowUpState.Overdue || Offices.LocalDate(f.OfficeCode, f.DueAt) <= Offices.LocalDate(f.OfficeCode, now).AddDays(DueSoonDays)))
            .ToList();
        return new DashboardFigures(
            offices,
            CountByStage(people),
            [.. offices.Select(o => (o, CountByStage(people.Where(c => c.OfficeCode == o.Code))))
                .Where(row => row.Item2.Values.Sum() > 0)],
            [.. due.Where(f => f.State != FollowUpState.Overdue)],
            [.. due.Where(f => f.State == FollowUpState.Overdue)],
            [.. waitingTask.Result.Where(r => codes.Contains(r.OfficeCode))],
            [.. curationTask.Result.Where(p => codes.Contains(p.OfficeCode))],
            [.. people.OrderByDescending(c => c.UpdatedAt).Take(RecentCount)],
            people.Count,
            batchesTask.Result.Count(b => codes.Contains(b.OfficeCode)),
            people.Where(c => c.Stage == PipelineStage.Mentoring && c.Mentor is not null).Select(c => c.Mentor).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static IReadOnlyDictionary<PipelineStage, int> CountByStage(IEnumerable<CaseSummaryResponse> people)
    {
        var counts = Enum.GetValues<PipelineStage>().ToDictionary(stage => stage, _ => 0);
        foreach (var person in people)
        {
            counts[person.Stage]++;
        }

        return counts;
    }
}

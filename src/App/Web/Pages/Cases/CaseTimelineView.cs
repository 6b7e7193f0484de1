using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary>
/// Merges what the person page knows into one timeline, oldest first: the case's own entries (stage changes and every
/// staff action, with who did it), follow-ups done and scheduled, and trainings.
/// </summary>
/// <remarks>
/// Record views are the audit log's business, not the person's story: the page only counts them. Referrals, nominations and
/// sales recorded before their services wrote timeline entries are shown from their own records, so none goes missing and
/// none shows twice.
/// </remarks>
internal static class CaseTimelineView
{
    private static readonly HashSet<string> Hidden = [nameof(TimelineAction.Viewed), nameof(TimelineAction.NotificationQueued)];

    public static IReadOnlyList<TimelineItem> Build(DetailModel page, IReadOnlyList<TimelineEntryResponse> entries)
    {
        var l = page.L;
        var today = page.Today;
        var office = page.Case.OfficeCode;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var referral in page.Referrals)
        {
            names[referral.ReferralId] = referral.PartnerName;
        }

        foreach (var product in page.Products)
        {
            names[product.ProductId] = product.Name;
        }

        var items = new List<TimelineItem>();
        items.AddRange(entries.Where(e => !Hidden.Contains(e.Action))
            .Select(e => new TimelineItem(e.At, l[$"TimelineAction.{e.Action}"], TimelineDetailText.Render(l, e, office, names, page.StaffNames), page.StaffNames.Of(e.Actor))));
        var referred = Recorded(entries, TimelineAction.ReferralSubmitted, TimelineParameters.Referral);
        var nominated = Recorded(entries, TimelineAction.ProductNominated, TimelineParameters.Product);
        var sold = Recorded(entries, TimelineAction.SalesRecorded, TimelineParameters.Month);

        foreach (var followUp in page.Case.FollowUps)
        {
            var title = l["Timeline.FollowUp", followUp.Sequence];
            var badge = l.Of(followUp.State);
            var css = followUp.State switch
            {
                FollowUpState.Done => "done",
                FollowUpState.Overdue => "overdue",
                FollowUpState.Due or FollowUpState.Upcoming => "due",
                _ => "",
            };
            items.Add(followUp.Visit is { } visit
                ? new TimelineItem(At(visit.Date, office), title, $"{l.Of(visit.Mode)} · {l.Of(visit.BusinessStatus)} · {l.Of(visit.IncomeBand)}", page.StaffNames.Of(followUp.RecordedBy), false, badge, css, DayOnly: true)
                : new TimelineItem(followUp.DueAt, title, l["Timeline.FollowUpDue"], null, Offices.LocalDate(office, followUp.DueAt) > today, badge, css));
        }

        foreach (var training in page.Trainings)
        {
            var result = training.Completed switch
            {
                true => (l["Timeline.TrainingCompleted"].Value, "done"),
                false => (l["Timeline.TrainingNotCompleted"].Value, "overdue"),
                null => ((string?)null, ""),
            };
            items.Add(new TimelineItem(At(training.StartDate, office), l["Timeline.Training", Names.Track(training.Track)],
                $"{training.Partner} · {Names.Date(training.StartDate)} – {Names.Date(training.EndDate)}{(TrainingReasons.Text(l, training.Passed, training.AttendancePercent, page.AttendanceThresholdPercent) is { } reason ? " · " + reason : "")}",
                null, training.StartDate > today, result.Item1, result.Item2, DayOnly: true));
        }

        items.AddRange(page.Referrals.Where(r => !referred.Contains(r.ReferralId)).Select(r => new TimelineItem(r.SubmittedAt, l["Timeline.Referral", r.PartnerName],
            $"{r.AmountText} · {r.Purpose}{(r.Reason is null ? "" : " · " + r.Reason)}", page.StaffNames.Of(r.SubmittedBy), false, l.Of(r.Status),
            r.Status switch { ReferralStatus.Rejected => "overdue", ReferralStatus.Disbursed => "done", _ => "due" })));

        items.AddRange(page.Products.Where(p => p.NominatedAt is not null && !nominated.Contains(p.ProductId)).Select(p => new TimelineItem(p.NominatedAt!.Value, l["Timeline.Nominated", p.Name],
            p.Reason, page.StaffNames.Of(p.NominatedBy), false, p.Curation is { } c ? l.Of(c) : null,
            p.Curation switch { CurationStatus.Approved => "done", CurationStatus.Rejected => "overdue", _ => "due" })));

        items.AddRange(page.Sales.Where(s => !sold.Contains(s.Month)).Select(s => new TimelineItem(s.RecordedAt, l["Timeline.Sales", Names.Month(s.Month)], s.Sales, page.StaffNames.Of(s.RecordedBy))));

        if (page.Case.Release is null && page.Case.Outcome is null)
        {
            items.Add(new TimelineItem(At(page.Case.ExpectedReleaseDate, office), l["Timeline.ExpectedRelease"], null, null, page.Case.ExpectedReleaseDate > today, DayOnly: true));
        }

        return [.. items.OrderBy(item => item.At)];
    }

    /// <summary>The values of <paramref name="parameter"/> in the entries of <paramref name="action"/>: the records the timeline tells of itself.</summary>
    private static HashSet<string> Recorded(IReadOnlyList<TimelineEntryResponse> entries, TimelineAction action, string parameter) =>
        [.. entries.Where(e => e.Action == action.ToString() && e.Parameters.ContainsKey(parameter)).Select(e => e.Parameters[parameter])];

    /// <summary>The start of <paramref name="date"/> at the office, so a day sorts among the instants of that day there.</summary>
    private static DateTimeOffset At(DateOnly date, string office)
    {
        var start = date.ToDateTime(TimeOnly.MinValue);
        return new(start, Offices.TimeZoneOf(office).GetUtcOffset(start));
    }
}

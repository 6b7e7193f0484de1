using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Cases;

/// <summary>
/// Merges what the person page knows into one timeline, oldest first: the case's own entries (stage changes and
/// staff actions), follow-ups done and scheduled, trainings, capital referrals, nominated products and sales.
/// </summary>
/// <remarks>Record views are the audit log's business, not the person's story: the page only counts them.</remarks>
internal static class CaseTimelineView
{
    private static readonly HashSet<string> Hidden = [nameof(TimelineAction.Viewed), nameof(TimelineAction.NotificationQueued)];

    public static IReadOnlyList<TimelineItem> Build(DetailModel page, IReadOnlyList<TimelineEntryResponse> entries)
    {
        var l = page.L;
        var today = page.Today;
        var items = new List<TimelineItem>();
        items.AddRange(entries.Where(e => !Hidden.Contains(e.Action))
            .Select(e => new TimelineItem(e.At, l[$"TimelineAction.{e.Action}"], TimelineDetailText.Render(l, e), e.Actor)));

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
                ? new TimelineItem(At(visit.Date), title, $"{l.Of(visit.Mode)} · {l.Of(visit.BusinessStatus)} · {l.Of(visit.IncomeBand)}", followUp.RecordedBy, false, badge, css)
                : new TimelineItem(followUp.DueAt, title, l["Timeline.FollowUpDue"], null, DateOnly.FromDateTime(followUp.DueAt.UtcDateTime) > today, badge, css));
        }

        foreach (var training in page.Trainings)
        {
            var result = training.Completed switch
            {
                true => (l["Timeline.TrainingCompleted"].Value, "done"),
                false => (l["Timeline.TrainingNotCompleted"].Value, "overdue"),
                null => ((string?)null, ""),
            };
            items.Add(new TimelineItem(At(training.StartDate), l["Timeline.Training", Names.Track(training.Track)],
                $"{training.Partner} · {Names.Date(training.StartDate)} – {Names.Date(training.EndDate)}{(training.Reason is null ? "" : " · " + training.Reason)}",
                null, training.StartDate > today, result.Item1, result.Item2));
        }

        items.AddRange(page.Referrals.Select(r => new TimelineItem(r.SubmittedAt, l["Timeline.Referral", r.PartnerName],
            $"{r.AmountText} · {r.Purpose}{(r.Reason is null ? "" : " · " + r.Reason)}", r.SubmittedBy, false, l.Of(r.Status),
            r.Status switch { ReferralStatus.Rejected => "overdue", ReferralStatus.Disbursed => "done", _ => "due" })));

        items.AddRange(page.Products.Where(p => p.NominatedAt is not null).Select(p => new TimelineItem(p.NominatedAt!.Value, l["Timeline.Nominated", p.Name],
            p.Reason, p.NominatedBy, false, p.Curation is { } c ? l.Of(c) : null,
            p.Curation switch { CurationStatus.Approved => "done", CurationStatus.Rejected => "overdue", _ => "due" })));

        items.AddRange(page.Sales.Select(s => new TimelineItem(s.RecordedAt, l["Timeline.Sales", s.Month], s.Sales, s.RecordedBy)));

        if (page.Case.Release is null && page.Case.Outcome is null)
        {
            items.Add(new TimelineItem(At(page.Case.ExpectedReleaseDate), l["Timeline.ExpectedRelease"], null, null, page.Case.ExpectedReleaseDate > today));
        }

        return [.. items.OrderBy(item => item.At)];
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

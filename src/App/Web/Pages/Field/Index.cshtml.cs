using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Field;

/// <summary>
/// <c>/lapangan</c>: the mentor's day in the field, made to work offline. It lists the signed-in staff member's own
/// mentees (never the whole office, even for a PK), each as last seen — stage, what is due, the visits recorded — with a
/// follow-up form per open follow-up. The service worker (<c>wwwroot/sw.js</c>) keeps this one page for use without a
/// connection; the offline script (<c>wwwroot/js/offline.js</c>) queues the forms' visits and sends them to the JSON API.
/// </summary>
/// <remarks>
/// The page is the only one the service worker keeps, so what it shows is what the phone holds: nobody but the mentor's
/// own people (docs/privacy.md, "On the mentor's phone"). Reading each person is a <c>Viewed</c> entry on their timeline,
/// as the person page writes.
/// </remarks>
internal sealed class IndexModel(CaseService cases) : StaffPageModel
{
    /// <summary>The mentor's own people in mentoring, each with their record and follow-ups.</summary>
    public IReadOnlyList<CaseResponse> People { get; private set; } = [];

    /// <summary>
    /// The follow-ups the page offers a form for: every one overdue, due or upcoming, and the next one scheduled — not the
    /// whole year's schedule, which would make a heavy page on a phone.
    /// </summary>
    public static IReadOnlyList<FollowUpResponse> ToRecord(IEnumerable<FollowUpResponse> followUps)
    {
        var open = followUps.Where(f => f.State != FollowUpState.Done).OrderBy(f => f.Sequence).ToList();
        var pressing = open.Where(f => f.State is FollowUpState.Overdue or FollowUpState.Due or FollowUpState.Upcoming).ToList();
        return [.. pressing.Concat(open.Where(f => f.State == FollowUpState.Scheduled).Take(1))];
    }

    /// <summary>Today at <paramref name="officeCode"/>: the latest date a visit can have.</summary>
    public static DateOnly TodayAt(string officeCode) => Offices.LocalDate(officeCode, DateTimeOffset.UtcNow);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = (await cases.ListAsync(Staff, new CaseListQuery(null, nameof(PipelineStage.Mentoring)), cancellationToken))
            .Where(c => string.Equals(c.Mentor, Staff.Username, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var people = new List<CaseResponse>(mine.Count);
        foreach (var summary in mine)
        {
            people.Add(await cases.GetAsync(Staff, summary.CaseId, Pipelines, cancellationToken));
        }

        People = people;
    }
}

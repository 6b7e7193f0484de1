using PepFunctions.App.Capital;
using PepFunctions.App.Cases;
using PepFunctions.App.Marketing;
using PepFunctions.Domain;

namespace PepFunctions.App.Web;

/// <summary>One thing the signed-in staff member has to do: for whom, what, by when, and the form that does it.</summary>
/// <param name="Person">The person's name and registration number; null for a product (which names no person).</param>
/// <param name="What">A text key of <c>Work.*</c>.</param>
/// <param name="Subject">What the item is about besides the person (a partner, a product), or null.</param>
/// <param name="DueAt">When it is due (or since when it waits).</param>
/// <param name="Overdue">Past due.</param>
/// <param name="Link">The page and form that do it.</param>
/// <param name="OfficeCode">The office whose calendar the date is shown in.</param>
internal sealed record WorkItem(string? Person, string What, string? Subject, DateTimeOffset DueAt, bool Overdue, string Link, string OfficeCode);

/// <summary>
/// "Tugas saya": what the staff member has to do, in due order — the next step of every person they may act on (assessment,
/// release, follow-up visit), capital referrals waiting for a partner's answer, products waiting for curation.
/// </summary>
/// <remarks>
/// Built over the feature services' own reads, so it shows exactly what the staff member may see: the office's case list
/// (one partition, names included for the office's staff; a mentor's own consenting mentees), the waiting-referral index and
/// the curation queue. A step is listed only where the staff member's role may do it at that office.
/// </remarks>
internal sealed class WorkQueue(CaseService cases, ReferralService referrals, ProductService products, TimeProvider clock)
{
    /// <summary>The most items the home page lists; the rest are on the people list.</summary>
    public const int Limit = 30;

    private static readonly IReadOnlyDictionary<string, (PipelineAction Action, string Anchor, string What)> Steps =
        new Dictionary<string, (PipelineAction, string, string)>(StringComparer.Ordinal)
        {
            ["assessment"] = (PipelineAction.RecordAssessment, "assessment", "Work.Assessment"),
            ["release"] = (PipelineAction.RecordRelease, "release", "Work.Release"),
            ["follow-up"] = (PipelineAction.RecordFollowUp, "follow-up", "Work.FollowUp"),
        };

    /// <summary>The staff member's items of <paramref name="officeCode"/> (or every office they see), due first; at most <see cref="Limit"/>, and how many there were.</summary>
    public async Task<(IReadOnlyList<WorkItem> Items, int Total)> ForAsync(StaffMember staff, string? officeCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = new List<WorkItem>();
        var people = await cases.ListAsync(staff, new CaseListQuery(officeCode, null), cancellationToken);
        foreach (var person in people)
        {
            if (person.NextDue is { } next && person.NextDueAt is { } due && Steps.TryGetValue(next, out var step)
                && AccessPolicy.CanPerform(staff, step.Action, person.OfficeCode))
            {
                items.Add(new WorkItem(Who(person.DisplayName, person.RegistrationNumber), step.What, null, due, due < now,
                    $"/kasus/{Uri.EscapeDataString(person.CaseId)}#{step.Anchor}", person.OfficeCode));
            }
        }

        if (Offices.Seed.Any(o => AccessPolicy.CanPerform(staff, PipelineAction.RecordPartnerAnswer, o.Code)))
        {
            var waiting = (await referrals.ListWaitingAsync(staff, officeCode, cancellationToken))
                .Where(r => AccessPolicy.CanPerform(staff, PipelineAction.RecordPartnerAnswer, r.OfficeCode)).ToList();
            var byCase = people.ToDictionary(p => p.CaseId, StringComparer.Ordinal);
            items.AddRange(waiting.Select(r => new WorkItem(
                byCase.TryGetValue(r.CaseId, out var p) ? Who(p.DisplayName, p.RegistrationNumber) : null, "Work.Referral", r.PartnerName,
                r.SubmittedAt, false, $"/kasus/{Uri.EscapeDataString(r.CaseId)}#capital", r.OfficeCode)));
        }

        if (Offices.Seed.Any(o => AccessPolicy.CanPerform(staff, PipelineAction.CurateProduct, o.Code)))
        {
            var pending = await products.QueueAsync(staff, CurationStatus.Pending, cancellationToken);
            items.AddRange(pending.Where(p => officeCode is null || string.Equals(p.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase))
                .Select(p => new WorkItem(null, "Work.Curation", p.Name, p.NominatedAt, false, "/produk#" + Uri.EscapeDataString(p.ProductId), p.OfficeCode)));
        }

        return ([.. items.OrderBy(i => i.DueAt).Take(Limit)], items.Count);
    }

    private static string Who(string name, string registrationNumber) =>
        string.IsNullOrEmpty(name) ? registrationNumber : $"{name} ({registrationNumber})";
}

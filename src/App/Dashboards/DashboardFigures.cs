using PepFunctions.App.Cases;
using PepFunctions.Domain;

namespace PepFunctions.App.Dashboards;

/// <summary>What a dashboard shows for a set of offices (one office, a Kanwil's province, or the whole country).</summary>
/// <param name="Offices">The offices counted.</param>
/// <param name="ByStage">People at each stage, every stage present (zero when none).</param>
/// <param name="ByOffice">People at each stage per office, for a region's table; offices without people left out.</param>
/// <param name="DueSoon">Open follow-ups due in the next 7 days.</param>
/// <param name="Overdue">Follow-ups past their grace period.</param>
/// <param name="ReferralsWaiting">Capital referrals without a partner's answer, oldest first.</param>
/// <param name="AwaitingCuration">Nominated products not yet curated.</param>
/// <param name="RecentlyChanged">The cases that changed last, newest first (recent activity).</param>
/// <param name="PeopleReached">Everyone ever enrolled (the seeds' "WBP reached").</param>
/// <param name="ActivitiesRun">Training batches opened (the seeds' "activities").</param>
/// <param name="ActiveMentors">Mentors with at least one person in mentoring.</param>
internal sealed record DashboardFigures(
    IReadOnlyList<Office> Offices,
    IReadOnlyDictionary<PipelineStage, int> ByStage,
    IReadOnlyList<(Office Office, IReadOnlyDictionary<PipelineStage, int> ByStage)> ByOffice,
    IReadOnlyList<DueFollowUpResponse> DueSoon,
    IReadOnlyList<DueFollowUpResponse> Overdue,
    IReadOnlyList<Capital.WaitingReferralResponse> ReferralsWaiting,
    IReadOnlyList<Marketing.CurationItemResponse> AwaitingCuration,
    IReadOnlyList<CaseSummaryResponse> RecentlyChanged,
    int PeopleReached,
    int ActivitiesRun,
    int ActiveMentors);

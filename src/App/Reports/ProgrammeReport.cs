namespace PepFunctions.App.Reports;

/// <summary>What the programme did in a scope (an office, a province, the nation) over whole months.</summary>
/// <param name="Scope">The scope asked for.</param>
/// <param name="ScopeName">Its name.</param>
/// <param name="From">The first month, <c>yyyy-MM</c>.</param>
/// <param name="To">The last month, <c>yyyy-MM</c>.</param>
/// <param name="Offices">The UPTs counted.</param>
/// <param name="People">People through the pipeline.</param>
/// <param name="FollowUps">Follow-ups after release.</param>
/// <param name="Capital">Referrals and permits.</param>
/// <param name="Marketing">Products and sales.</param>
/// <param name="Pokmas">Pokmas Lipas groups and activities.</param>
public sealed record ProgrammeReport(
    string Scope, string ScopeName, string From, string To, IReadOnlyList<string> Offices,
    PeopleFigures People, FollowUpFigures FollowUps, CapitalFigures Capital, MarketingFigures Marketing, PokmasFigures Pokmas);

/// <summary>People through the pipeline: each counts once per figure, in the month it happened.</summary>
public sealed record PeopleFigures(
    int Enrolled, int Assessed, int InTraining, int Trained, int TrainingResults, decimal? CompletionRatePercent,
    IReadOnlyDictionary<string, int> TrainedByTrack, IReadOnlyDictionary<string, int> TrainedByBatch,
    int Released, IReadOnlyDictionary<string, int> ReleasedByKind, int InMentoring, int Graduated,
    int Withdrawn, IReadOnlyDictionary<string, int> WithdrawnByReason);

/// <summary>Follow-ups after release: due in the period, recorded by their due day or after it, and overdue.</summary>
public sealed record FollowUpFigures(int Due, int DoneOnTime, int DoneLate, int Overdue);

/// <summary>Referrals to financing partners and permits.</summary>
public sealed record CapitalFigures(
    int ReferralsSent, int ReferralsAccepted, int ReferralsRejected, int ReferralsDisbursed, long DisbursedRupiah,
    IReadOnlyDictionary<string, DisbursedFigures> DisbursedByPartnerKind, IReadOnlyDictionary<string, int> PermitsObtained);

/// <summary>Disbursements to one kind of partner.</summary>
public sealed record DisbursedFigures(int Count, long Rupiah);

/// <summary>Products and sales.</summary>
public sealed record MarketingFigures(
    int ProductsRegistered, int ProductsNominated, int ProductsCurated, int ProductsShowcased,
    long SalesRupiah, int PeopleWithSales, IReadOnlyList<MonthlySalesFigures> SalesByMonth);

/// <summary>The sales of one month.</summary>
public sealed record MonthlySalesFigures(string Month, long SalesRupiah, int PeopleWithSales);

/// <summary>Pokmas Lipas: the groups now, their members in groups that were active in the period, and the period's activities.</summary>
public sealed record PokmasFigures(int Groups, int ActiveMembers, int ActivitiesHeld, long PeopleReached);

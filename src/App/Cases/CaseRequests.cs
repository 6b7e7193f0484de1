using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

// The bodies of the case API and the inputs of CaseService. Required values are nullable so that a missing
// one is reported by name (400) instead of silently taking a default.

/// <summary>Filters of <c>GET /api/cases</c>: an office code and a <see cref="PipelineStage"/> name, both optional.</summary>
/// <param name="Office">One office's code, or null for every office the staff member sees.</param>
/// <param name="Stage">One stage's name, or null for every stage.</param>
/// <param name="Search">Part of a name or registration number (any case), or null for everyone.</param>
/// <param name="IncludeClosed">Whether people whose programme has ended (graduated, withdrawn, ended) are listed.</param>
public sealed record CaseListQuery(string? Office, string? Stage, string? Search = null, bool IncludeClosed = true);

/// <summary>Body of <c>POST /api/cases/{id}/assessment</c>: the <i>asesmen potensi dan minat</i> (see <see cref="Assessment"/>).</summary>
public sealed record AssessmentRequest(
    IReadOnlyList<TrainingTrack>? Interests,
    IReadOnlyList<TrainingTrack>? PriorSkills,
    string? PriorWork,
    EducationLevel? Education,
    bool? CanReadWrite,
    string? HealthConstraint,
    string? FamilyConstraint,
    BusinessType? PreferredBusiness);

/// <summary>Body of <c>POST /api/cases/{id}/release</c>.</summary>
/// <param name="Kind">End of sentence, PB (Parole), CB, CMB or asimilasi.</param>
/// <param name="Date">The day of release; not in the future.</param>
/// <param name="SentenceEnd">The day the sentence ends; required for every kind but end of sentence.</param>
/// <param name="Mentor">The username of the Bapas officer or Pokmas Lipas mentor to follow up; the Bapas's first one when omitted.</param>
public sealed record ReleaseRequest(ReleaseKind? Kind, DateOnly? Date, DateOnly? SentenceEnd, string? Mentor);

/// <summary>Body of <c>POST /api/cases/{id}/follow-ups/{seq}</c> (see <see cref="FollowUpVisit"/>).</summary>
public sealed record FollowUpRequest(DateOnly? Date, ContactMode? Mode, BusinessStatus? BusinessStatus, IncomeBand? IncomeBand, string? Needs, string? Notes);

/// <summary>Body of <c>POST /api/cases/{id}/withdrawal</c>.</summary>
/// <param name="Reason">Why the person leaves.</param>
/// <param name="Note">Free text, at most 2000 characters; kept on the case record only.</param>
public sealed record WithdrawalRequest(WithdrawalReason? Reason, string? Note);

/// <summary>Body of <c>POST /api/cases/{id}/transfer</c>.</summary>
/// <param name="OfficeCode">The office taking the case over: a Lapas or Rutan before release, a Bapas after it.</param>
/// <param name="Mentor">After release: the new mentor at the receiving Bapas; its first one when omitted.</param>
public sealed record TransferRequest(string? OfficeCode, string? Mentor);

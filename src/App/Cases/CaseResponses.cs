using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Mentoring;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>A case as an office list shows it.</summary>
public sealed record CaseSummaryResponse(
    string CaseId, string OfficeCode, string RegistrationNumber, string DisplayName, PipelineStage Stage,
    DateTimeOffset? NextDueAt, string? NextDue, string? Mentor, DateTimeOffset UpdatedAt)
{
    internal static CaseSummaryResponse From(CaseSummaryEntity summary) => new(
        summary.RowKey, summary.PartitionKey, summary.RegistrationNumber, summary.DisplayName, Enum.Parse<PipelineStage>(summary.Stage),
        summary.NextDueAt, summary.NextDue, summary.MentorUsername, summary.UpdatedAt);
}

/// <summary>Where the case stands: the stage and what is due next, and the orchestration's own status.</summary>
/// <param name="Stage">The pipeline's stage, as the case record holds it.</param>
/// <param name="NextDueAt">When the next thing is due.</param>
/// <param name="NextDue">What is due next (<c>assessment</c>, <c>release</c>, <c>follow-up</c>, <c>programme end</c>).</param>
/// <param name="FollowUp">The number of the follow-up due next.</param>
/// <param name="RuntimeStatus">The Durable Functions status of the case's pipeline (<c>Pending</c>, <c>Running</c>, <c>Completed</c>,
/// <c>Failed</c>, <c>Terminated</c>, <c>Suspended</c>); null when it was not read or the case has no pipeline.</param>
/// <param name="PipelineVersion">The orchestration version the pipeline reports in its custom status (<see cref="PipelineStatus"/>:
/// <c>2.0</c>; empty for one started before versioning), for administrators only; null for everyone else, or when it has not
/// reported one yet.</param>
public sealed record CaseProgressResponse(
    PipelineStage Stage, DateTimeOffset? NextDueAt, string? NextDue, int? FollowUp, OrchestrationRuntimeStatus? RuntimeStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PipelineVersion = null);

/// <summary>The recorded release.</summary>
public sealed record ReleaseResponse(ReleaseKind Kind, DateTimeOffset? ReleasedAt, DateTimeOffset? SupervisionEnd, string? RecordedBy);

/// <summary>One follow-up; <paramref name="State"/> as of now (<see cref="FollowUpStateRule"/>), or as marked.</summary>
public sealed record FollowUpResponse(
    int Sequence, DateTimeOffset DueAt, FollowUpState State, string? Mentor, FollowUpVisit? Visit, string? RecordedBy, DateTimeOffset? RecordedAt);

/// <summary>
/// The recorded <i>asesmen potensi dan minat</i> (<see cref="Domain.Assessment"/>) and every track as it was scored then,
/// best first, with the reasons. Personal data: shown only to staff who may see the case.
/// </summary>
/// <remarks>A case assessed before the scores were stored shows them scored again from the recorded assessment.</remarks>
public sealed record CaseAssessmentResponse(
    IReadOnlyList<TrainingTrack> Interests,
    IReadOnlyList<TrainingTrack> PriorSkills,
    string? PriorWork,
    EducationLevel Education,
    bool CanReadWrite,
    string? HealthConstraint,
    string? FamilyConstraint,
    BusinessType PreferredBusiness,
    IReadOnlyList<TrackRecommendation> Recommendations,
    string? RecordedBy,
    DateTimeOffset? RecordedAt)
{
    internal static CaseAssessmentResponse? From(CaseEntity record)
    {
        if (RecordJson.Deserialize<Assessment>(record.AssessmentJson) is not { } assessment)
        {
            return null;
        }

        var recommendations = RecordJson.Deserialize<IReadOnlyList<TrackRecommendation>>(record.RecommendationsJson)
            ?? AssessmentScoring.Recommend(assessment);
        return new(
            assessment.Interests, assessment.PriorSkills, assessment.PriorWork, assessment.Education, assessment.CanReadWrite,
            assessment.HealthConstraint, assessment.FamilyConstraint, assessment.PreferredBusiness, recommendations,
            record.AssessedBy, record.AssessedAt);
    }
}

/// <summary>A person's record, with progress and follow-ups.</summary>
public sealed record CaseResponse(
    string CaseId,
    string OfficeCode,
    string LapasCode,
    string? BapasCode,
    string Province,
    string RegistrationNumber,
    string FullName,
    string? Nik,
    DateOnly ExpectedReleaseDate,
    Consent? Consent,
    CaseProgressResponse Progress,
    string? Mentor,
    IReadOnlyList<TrainingTrack> RecommendedTracks,
    CaseAssessmentResponse? Assessment,
    ReleaseResponse? Release,
    CaseOutcome? Outcome,
    IReadOnlyList<FollowUpResponse> FollowUps,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static CaseResponse From(
        CaseEntity record, IReadOnlyList<FollowUpResponse> followUps, OrchestrationRuntimeStatus? runtimeStatus, string? pipelineVersion = null) => new(
        record.CaseId,
        record.OfficeCode,
        record.LapasCode,
        record.BapasCode,
        record.Province,
        record.RegistrationNumber,
        record.FullName,
        record.Nik,
        DateOnly.ParseExact(record.ExpectedReleaseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        RecordJson.Deserialize<Consent>(record.ConsentJson),
        new CaseProgressResponse(record.StageValue, record.NextDueAt, record.NextDue, record.NextFollowUp, runtimeStatus, pipelineVersion),
        record.MentorUsername,
        record.RecommendedTracks is { Length: > 0 } tracks ? [.. tracks.Split(',').Select(Enum.Parse<TrainingTrack>)] : [],
        CaseAssessmentResponse.From(record),
        record.ReleaseKind is { } kind ? new ReleaseResponse(Enum.Parse<ReleaseKind>(kind), record.ReleasedAt, record.SupervisionEnd, record.ReleaseRecordedBy) : null,
        record.Outcome is { } outcome ? new CaseOutcome(Enum.Parse<PipelineStage>(outcome), record.OutcomeReason ?? "") : null,
        followUps,
        record.CreatedBy,
        record.CreatedAt,
        record.UpdatedAt);
}

/// <summary>An open follow-up on the due list.</summary>
public sealed record DueFollowUpResponse(string CaseId, int Sequence, DateTimeOffset DueAt, FollowUpState State, string OfficeCode, string? Mentor)
{
    internal static DueFollowUpResponse From(FollowUpDueEntity row, FollowUpState state) =>
        new(row.CaseId, row.Sequence, row.DueAt, state, row.OfficeCode, row.MentorUsername);
}

/// <summary>One timeline entry.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">A staff username, or <c>pipeline</c>.</param>
/// <param name="Action">A <see cref="TimelineAction"/> name.</param>
/// <param name="Detail">What changed, in English.</param>
/// <param name="Parameters">The values <paramref name="Detail"/> is made of, keyed by <see cref="TimelineParameters"/> (see the
/// <see cref="TimelineDetail"/> factory of each action); empty for entries without detail and for entries written before they were kept.</param>
public sealed record TimelineEntryResponse(DateTimeOffset At, string Actor, string Action, string? Detail, IReadOnlyDictionary<string, string> Parameters)
{
    internal static TimelineEntryResponse From(TimelineEntity entry) => new(
        entry.At, entry.Actor, entry.Action, entry.Detail,
        RecordJson.Deserialize<Dictionary<string, string>>(entry.ParametersJson) ?? new Dictionary<string, string>());
}

/// <summary>The answer to a recorded assessment: every track scored, and the ones recommended to the pipeline (also kept with the case: <see cref="CaseAssessmentResponse"/>).</summary>
public sealed record AssessmentResponse(string CaseId, IReadOnlyList<TrainingTrack> RecommendedTracks, IReadOnlyList<TrackRecommendation> Scores);

/// <summary>A staff action was recorded and passed to the case's pipeline, which carries on in the background.</summary>
public sealed record CaseActionAccepted(string CaseId, string StatusUrl);

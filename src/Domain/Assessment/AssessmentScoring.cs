namespace PepFunctions.Domain;

/// <summary>Turns an <see cref="Assessment"/> into ranked, explained training recommendations.</summary>
/// <remarks>
/// <para>Each track's score is the sum of the contributions that apply to it (<see cref="ScoringWeights"/>):</para>
/// <list type="table">
/// <item><term>+40</term><description>interest: the track is in <see cref="Assessment.Interests"/></description></item>
/// <item><term>+30</term><description>prior skill: the track is in <see cref="Assessment.PriorSkills"/></description></item>
/// <item><term>+20</term><description>business fit: <see cref="Assessment.PreferredBusiness"/> is one of the track's <see cref="TrackProfile.BusinessTypes"/></description></item>
/// <item><term>−25</term><description>the track needs reading and bookkeeping (<see cref="TrackProfile.NeedsReading"/>) and the person cannot read or write</description></item>
/// <item><term>−20</term><description>the track is physically demanding and a health constraint is recorded</description></item>
/// </list>
/// <para>
/// Every track is returned, highest score first; equal scores keep the <see cref="TrainingTrack"/> declaration
/// order, so the result is deterministic. Each contribution is one <see cref="ScoringReason"/>, so staff can see why a
/// track ranks where it does. Reasons never repeat the health or family constraint's text.
/// </para>
/// </remarks>
public static class AssessmentScoring
{
    /// <summary>Every track scored against <paramref name="assessment"/>, best fit first.</summary>
    public static IReadOnlyList<TrackRecommendation> Recommend(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return [.. TrainingTrackCatalog.All
            .Select(profile => Score(assessment, profile))
            .OrderByDescending(recommendation => recommendation.Score)
            .ThenBy(recommendation => recommendation.Track)];
    }

    private static TrackRecommendation Score(Assessment assessment, TrackProfile profile)
    {
        var reasons = new List<ScoringReason>();
        var track = profile.Track;
        if (assessment.Interests.Contains(track))
        {
            reasons.Add(new(ScoringReasonKind.Interest, ScoringWeights.Interest, track));
        }

        if (assessment.PriorSkills.Contains(track))
        {
            reasons.Add(new(ScoringReasonKind.PriorSkill, ScoringWeights.PriorSkill, track));
        }

        if (profile.BusinessTypes.Contains(assessment.PreferredBusiness))
        {
            reasons.Add(new(ScoringReasonKind.BusinessFit, ScoringWeights.BusinessFit, track, assessment.PreferredBusiness));
        }

        if (profile.NeedsReading && !assessment.CanReadWrite)
        {
            reasons.Add(new(ScoringReasonKind.NeedsReading, ScoringWeights.ReadingNeededPenalty, track));
        }

        if (profile.PhysicallyDemanding && assessment.HasHealthConstraint)
        {
            reasons.Add(new(ScoringReasonKind.PhysicallyDemanding, ScoringWeights.PhysicalDemandPenalty, track));
        }

        return new TrackRecommendation(track, reasons.Sum(reason => reason.Points), reasons);
    }
}

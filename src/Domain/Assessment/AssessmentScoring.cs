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
/// order, so the result is deterministic. Each contribution is one reason line, so staff can see why a track
/// ranks where it does. Reasons never repeat the health or family constraint's text.
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
        var reasons = new List<string>();
        var score = 0;

        void Add(int points, string reason)
        {
            score += points;
            reasons.Add(FormattableString.Invariant($"{points:+0;-0} {reason}"));
        }

        if (assessment.Interests.Contains(profile.Track))
        {
            Add(ScoringWeights.Interest, $"stated interest in {profile.IndonesianName}");
        }

        if (assessment.PriorSkills.Contains(profile.Track))
        {
            Add(ScoringWeights.PriorSkill, $"prior skill in {profile.IndonesianName}");
        }

        if (profile.BusinessTypes.Contains(assessment.PreferredBusiness))
        {
            Add(ScoringWeights.BusinessFit, $"fits the preferred business ({assessment.PreferredBusiness})");
        }

        if (profile.NeedsReading && !assessment.CanReadWrite)
        {
            Add(ScoringWeights.ReadingNeededPenalty, "needs reading and bookkeeping (labels, licences, cash book); cannot yet read or write");
        }

        if (profile.PhysicallyDemanding && assessment.HasHealthConstraint)
        {
            Add(ScoringWeights.PhysicalDemandPenalty, "physically demanding work; a health constraint is recorded");
        }

        return new TrackRecommendation(profile.Track, score, reasons);
    }
}

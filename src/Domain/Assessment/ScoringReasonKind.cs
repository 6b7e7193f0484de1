namespace PepFunctions.Domain;

/// <summary>What made a track's score go up or down in <see cref="AssessmentScoring"/>; one per <see cref="ScoringWeights"/> entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScoringReasonKind>))]
public enum ScoringReasonKind
{
    /// <summary>The person said they want to learn the track (<see cref="ScoringWeights.Interest"/>).</summary>
    Interest,

    /// <summary>The person already has some skill in the track (<see cref="ScoringWeights.PriorSkill"/>).</summary>
    PriorSkill,

    /// <summary>The track prepares for the business the person prefers (<see cref="ScoringWeights.BusinessFit"/>).</summary>
    BusinessFit,

    /// <summary>The track needs reading and bookkeeping and the person cannot read or write (<see cref="ScoringWeights.ReadingNeededPenalty"/>).</summary>
    NeedsReading,

    /// <summary>The track is physically demanding and a health constraint is recorded (<see cref="ScoringWeights.PhysicalDemandPenalty"/>).</summary>
    PhysicallyDemanding,
}

namespace PepFunctions.Domain;

/// <summary>The points <see cref="AssessmentScoring"/> adds or takes away for each thing that makes a track fit or not.</summary>
public static class ScoringWeights
{
    /// <summary>The person said they want to learn the track.</summary>
    public const int Interest              = +40;

    /// <summary>The person already has some skill in the track.</summary>
    public const int PriorSkill            = +30;

    /// <summary>The track prepares for the kind of business the person prefers.</summary>
    public const int BusinessFit           = +20;

    /// <summary>The track's business needs reading and bookkeeping, and the person cannot read or write.</summary>
    public const int ReadingNeededPenalty  = -25;

    /// <summary>The track is physically demanding, and a health constraint is recorded.</summary>
    public const int PhysicalDemandPenalty = -20;
}

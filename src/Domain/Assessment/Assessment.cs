namespace PepFunctions.Domain;

/// <summary>
/// The <i>asesmen potensi dan minat</i> (assessment of potential and interest): what a person wants to do and
/// can do, which decides the training and business support that fit (<see cref="AssessmentScoring"/>).
/// </summary>
/// <param name="Interests">Tracks the person says they want to learn.</param>
/// <param name="PriorSkills">Tracks the person already has some skill in.</param>
/// <param name="PriorWork">Work done before, in the assessor's words; <see langword="null"/> when none.</param>
/// <param name="Education">Highest completed schooling.</param>
/// <param name="CanReadWrite">Whether the person reads and writes well enough for labels and a cash book.</param>
/// <param name="HealthConstraint">A health limit that rules out heavy work; <see langword="null"/> when none. Sensitive: never put it in logs or reasons.</param>
/// <param name="FamilyConstraint">A family circumstance (small children, caring for parents) that shapes the business; recorded for the mentor, not scored.</param>
/// <param name="PreferredBusiness">The kind of business the person would like to run.</param>
public sealed record Assessment(
    IReadOnlyList<TrainingTrack> Interests,
    IReadOnlyList<TrainingTrack> PriorSkills,
    string? PriorWork,
    EducationLevel Education,
    bool CanReadWrite,
    string? HealthConstraint,
    string? FamilyConstraint,
    BusinessType PreferredBusiness)
{
    /// <summary>Whether a health constraint was recorded.</summary>
    [JsonIgnore]
    public bool HasHealthConstraint => !string.IsNullOrWhiteSpace(HealthConstraint);
}

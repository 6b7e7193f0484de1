namespace PepFunctions.Domain;

/// <summary>How well one training track fits an assessed person, and why.</summary>
/// <param name="Track">The track.</param>
/// <param name="Score">The sum of the <see cref="ScoringReason.Points"/> in <paramref name="Reasons"/>; may be negative.</param>
/// <param name="Reasons">One per contribution, in the order they were added; <see cref="ScoringReason.ToString"/> gives e.g.
/// <c>+40 stated interest in Olahan pangan</c>, <see cref="ScoringReason.Describe"/> the page's language.</param>
public sealed record TrackRecommendation(TrainingTrack Track, int Score, IReadOnlyList<ScoringReason> Reasons);

namespace PepFunctions.Domain;

/// <summary>How well one training track fits an assessed person, and why.</summary>
/// <param name="Track">The track.</param>
/// <param name="Score">The sum of the contributions in <paramref name="Reasons"/>; may be negative.</param>
/// <param name="Reasons">One line per contribution, e.g. <c>+40 stated interest in Olahan pangan</c>, in the order they were added.</param>
public sealed record TrackRecommendation(TrainingTrack Track, int Score, IReadOnlyList<string> Reasons);

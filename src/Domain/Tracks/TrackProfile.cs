namespace PepFunctions.Domain;

/// <summary>What the programme knows about a training track: its names and what it asks of a participant.</summary>
/// <param name="Track">The track.</param>
/// <param name="IndonesianName">The name staff use, e.g. <c>Olahan pangan</c>.</param>
/// <param name="EnglishName">The English name, e.g. <c>Food processing</c>.</param>
/// <param name="BusinessTypes">The kinds of business the track prepares for.</param>
/// <param name="NeedsReading">Whether the resulting business needs reading and bookkeeping (labels, recipes and costing, SPP-IRT or BPOM paperwork).</param>
/// <param name="PhysicallyDemanding">Whether the work is heavy or long on the feet (cutting and lifting, field work, hours at a loom).</param>
public sealed record TrackProfile(
    TrainingTrack Track,
    string IndonesianName,
    string EnglishName,
    IReadOnlyList<BusinessType> BusinessTypes,
    bool NeedsReading,
    bool PhysicallyDemanding);

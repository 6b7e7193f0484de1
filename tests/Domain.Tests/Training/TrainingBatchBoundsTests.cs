namespace PepFunctions.Domain.Tests;

public sealed class TrainingBatchBoundsTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(201, 30)]
    [InlineData(10, 0)]
    [InlineData(10, 61)]
    public void Validate_SessionsOrCapacityOutOfBounds_NamesTheField(int sessions, int capacity)
    {
        var batch = Batch(sessions, capacity);

        var fields = batch.Validate().Select(error => error.Field).ToList();

        Assert.Equal([sessions is < 1 or > TrainingBatch.MaxSessions ? nameof(TrainingBatch.Sessions) : nameof(TrainingBatch.Capacity)], fields);
    }

    [Fact]
    public void Validate_AtTheBounds_IsValid()
    {
        Assert.Empty(Batch(TrainingBatch.MaxSessions, TrainingBatch.MaxCapacity).Validate());
        Assert.Empty(Batch(1, 1).Validate());
    }

    [Fact]
    public void Validate_UndefinedTrackAndLongPartner_NamesBoth()
    {
        var batch = Batch(10, 30) with { Track = (TrainingTrack)999, Partner = new string('x', TrainingBatch.MaxPartnerLength + 1) };

        Assert.Equal([nameof(TrainingBatch.Partner), nameof(TrainingBatch.Track)], batch.Validate().Select(error => error.Field).Order(StringComparer.Ordinal));
    }

    private static TrainingBatch Batch(int sessions, int capacity) => new(
        "LPP-KUPANG-2025-02-FOODPROCESSING-1A2B", TrainingTrack.FoodProcessing, Offices.LppKupang, "Pokmas Lipas",
        new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 14), sessions, capacity);
}

namespace PepFunctions.Domain.Tests;

public sealed class EnrolmentRuleTests
{
    [Fact]
    public void CanEnrol_FullBatch_RefusesInIndonesianAndEnglish()
    {
        var decision = EnrolmentRule.CanEnrol(enrolledCount: 30, capacity: 30);

        Assert.False(decision.Allowed);
        Assert.Equal(
            "Kelas pelatihan sudah penuh (30 dari 30 peserta). The training batch is full (30 of 30 participants).",
            decision.Message);
    }

    [Fact]
    public void CanEnrol_OnePlaceLeft_Allows()
    {
        var decision = EnrolmentRule.CanEnrol(29, 30);

        Assert.True(decision.Allowed);
        Assert.Contains("1 of 30 places left", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanEnrol_Batch_UsesTheBatchCapacity()
    {
        var batch = new TrainingBatch("B1", TrainingTrack.Sewing, "LPP-TANGERANG", "Pokmas Lipas",
            new DateOnly(2025, 7, 17), new DateOnly(2025, 7, 22), Sessions: 6, Capacity: 2);

        Assert.False(EnrolmentRule.CanEnrol(batch, 2).Allowed);
        Assert.True(EnrolmentRule.CanEnrol(batch, 1).Allowed);
    }

    [Fact]
    public void CanEnrol_ZeroCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EnrolmentRule.CanEnrol(0, 0));
}

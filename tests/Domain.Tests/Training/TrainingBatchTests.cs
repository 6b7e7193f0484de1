namespace PepFunctions.Domain.Tests;

public sealed class TrainingBatchTests
{
    private static readonly TrainingBatch Batik = new(
        "LPP-TANGERANG-2023-07-BATIK", TrainingTrack.Batik, "LPP-TANGERANG", TrainingPartners.YayasanBatikIndonesia.Name,
        new DateOnly(2023, 7, 17), new DateOnly(2023, 7, 22), Sessions: 6);

    [Fact]
    public void Constructor_NoCapacity_DefaultsToThirty() =>
        Assert.Equal(30, Batik.Capacity);

    [Fact]
    public void Validate_SeedLikeBatch_NoErrors() =>
        Assert.Empty(Batik.Validate());

    [Fact]
    public void Validate_BadFields_ReportsEachField()
    {
        var bad = Batik with { BatchId = " ", OfficeCode = "BAPAS-KUPANG", Partner = "", EndDate = new DateOnly(2023, 7, 16), Sessions = 0, Capacity = 0 };

        Assert.Equal(
            ["BatchId", "OfficeCode", "Partner", "EndDate", "Sessions", "Capacity"],
            bad.Validate().Select(error => error.Field));
    }

    [Fact]
    public void TrainingPartners_Seed_HoldsThePartnersFromTheArticles() =>
        Assert.Equal(
            ["Ditjen IKMA Kemenperin", "Yayasan Batik Indonesia", "KemenPPPA", "Pokmas Lipas"],
            TrainingPartners.Seed.Select(partner => partner.Name));
}

namespace PepFunctions.Domain.Tests;

public sealed class TrainingTrackCatalogTests
{
    [Fact]
    public void All_EveryTrack_HasOneProfileInDeclarationOrder() =>
        Assert.Equal(Enum.GetValues<TrainingTrack>(), TrainingTrackCatalog.All.Select(profile => profile.Track));

    [Theory]
    [InlineData(TrainingTrack.Batik, "Batik tulis dan cap", "Hand-drawn and stamped batik")]
    [InlineData(TrainingTrack.FoodProcessing, "Olahan pangan", "Food processing")]
    [InlineData(TrainingTrack.TenunWeaving, "Tenun ikat", "Ikat weaving")]
    [InlineData(TrainingTrack.UpcycledFurniture, "Mebel dari barang bekas", "Furniture from used bottles and tyres")]
    [InlineData(TrainingTrack.Sewing, "Menjahit", "Sewing")]
    public void Names_Track_AreTheIndonesianAndEnglishNames(TrainingTrack track, string indonesian, string english)
    {
        Assert.Equal(indonesian, track.IndonesianName());
        Assert.Equal(english, track.EnglishName());
    }

    [Fact]
    public void All_EveryProfile_PreparesForSomeBusiness() =>
        Assert.All(TrainingTrackCatalog.All, profile => Assert.NotEmpty(profile.BusinessTypes));

    [Fact]
    public void Profile_UndefinedTrack_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TrainingTrack)99).Profile());
}

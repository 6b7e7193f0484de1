using System.Text.Json;

namespace PepFunctions.Domain.Tests;

public sealed class ScoringReasonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(ScoringReasonKind.Interest, 40, "+40 berminat pada Tenun ikat", "+40 stated interest in Ikat weaving")]
    [InlineData(ScoringReasonKind.PriorSkill, 30, "+30 sudah punya keterampilan Tenun ikat", "+30 prior skill in Ikat weaving")]
    [InlineData(ScoringReasonKind.BusinessFit, 20, "+20 cocok dengan usaha yang diinginkan", "+20 fits the preferred business")]
    [InlineData(ScoringReasonKind.PhysicallyDemanding, -20,
        "-20 pekerjaan fisik berat; ada kendala kesehatan yang dicatat", "-20 physically demanding work; a health constraint is recorded")]
    public void Describe_EachKind_SaysItInThePagesLanguage(ScoringReasonKind kind, int points, string indonesian, string english)
    {
        var reason = new ScoringReason(kind, points, TrainingTrack.TenunWeaving, kind == ScoringReasonKind.BusinessFit ? BusinessType.Crafts : null);

        Assert.Equal(indonesian, reason.Describe(indonesian: true));
        Assert.Equal(english, reason.Describe(indonesian: false));
    }

    [Fact]
    public void Describe_EveryKind_HasWordingInBothLanguages()
    {
        foreach (var kind in Enum.GetValues<ScoringReasonKind>())
        {
            var reason = new ScoringReason(kind, -5, TrainingTrack.Snacks, BusinessType.Food);

            Assert.StartsWith("-5 ", reason.Describe(indonesian: true), StringComparison.Ordinal);
            Assert.StartsWith("-5 ", reason.Describe(indonesian: false), StringComparison.Ordinal);
            Assert.NotEqual(reason.Describe(indonesian: true), reason.Describe(indonesian: false));
        }
    }

    [Fact]
    public void ToString_BusinessFit_NamesTheBusinessAsBefore()
    {
        var reason = new ScoringReason(ScoringReasonKind.BusinessFit, 20, TrainingTrack.Salon, BusinessType.Beauty);

        Assert.Equal("+20 fits the preferred business (Beauty)", reason.ToString());
    }

    [Fact]
    public void Json_Recommendation_RoundTripsWithKindsAsNames()
    {
        var recommendation = AssessmentScoring.Recommend(new Assessment(
            [TrainingTrack.Farming], [], null, EducationLevel.None, false, "punggung", null, BusinessType.Agriculture))[0];

        var json = JsonSerializer.Serialize(recommendation, Web);
        var back = JsonSerializer.Deserialize<TrackRecommendation>(json, Web)!;

        Assert.Contains("\"kind\":\"PhysicallyDemanding\"", json, StringComparison.Ordinal);
        Assert.Equal((recommendation.Track, recommendation.Score), (back.Track, back.Score));
        Assert.Equal(recommendation.Reasons, back.Reasons);
    }
}

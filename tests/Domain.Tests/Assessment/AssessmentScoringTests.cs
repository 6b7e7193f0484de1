using System.Globalization;

namespace PepFunctions.Domain.Tests;

public sealed class AssessmentScoringTests
{
    private static Assessment Assess(
        TrainingTrack[]? interests = null,
        TrainingTrack[]? skills = null,
        BusinessType preferred = BusinessType.Trade,
        bool canReadWrite = true,
        string? health = null) =>
        new(interests ?? [], skills ?? [], null, EducationLevel.Primary, canReadWrite, health, null, preferred);

    [Fact]
    public void Recommend_InterestSkillAndFit_RanksThatTrackFirstWithOneReasonEach()
    {
        var result = AssessmentScoring.Recommend(Assess([TrainingTrack.FoodProcessing], [TrainingTrack.FoodProcessing], BusinessType.Food));

        var top = result[0];
        Assert.Equal(TrainingTrack.FoodProcessing, top.Track);
        Assert.Equal(90, top.Score);
        Assert.Equal(
            [
                new ScoringReason(ScoringReasonKind.Interest, 40, TrainingTrack.FoodProcessing),
                new ScoringReason(ScoringReasonKind.PriorSkill, 30, TrainingTrack.FoodProcessing),
                new ScoringReason(ScoringReasonKind.BusinessFit, 20, TrainingTrack.FoodProcessing, BusinessType.Food),
            ],
            top.Reasons);
        Assert.Equal(
            ["+40 stated interest in Olahan pangan", "+30 prior skill in Olahan pangan", "+20 fits the preferred business (Food)"],
            top.Reasons.Select(reason => reason.ToString()));
    }

    [Fact]
    public void Recommend_InterestOutweighsPriorSkill()
    {
        var result = AssessmentScoring.Recommend(Assess([TrainingTrack.Salon], [TrainingTrack.Sewing], BusinessType.Crafts));

        Assert.Equal([TrainingTrack.Salon, TrainingTrack.Sewing], result.Take(2).Select(r => r.Track));
    }

    [Fact]
    public void Recommend_EqualScores_KeepTrackDeclarationOrder()
    {
        var result = AssessmentScoring.Recommend(Assess(preferred: BusinessType.Trade));

        Assert.Equal(
            [TrainingTrack.BatikProducts, TrainingTrack.FoodProcessing, TrainingTrack.Snacks, TrainingTrack.Crafts, TrainingTrack.Farming],
            result.TakeWhile(r => r.Score == ScoringWeights.BusinessFit).Select(r => r.Track));
    }

    [Fact]
    public void Recommend_CannotReadOrWrite_PenalisesTracksThatNeedBookkeeping()
    {
        var result = AssessmentScoring.Recommend(Assess([TrainingTrack.Snacks, TrainingTrack.Sewing], preferred: BusinessType.Fashion, canReadWrite: false));

        var snacks = result.Single(r => r.Track == TrainingTrack.Snacks);
        var sewing = result.Single(r => r.Track == TrainingTrack.Sewing);
        Assert.Equal(40 - 25, snacks.Score);
        Assert.Contains(new ScoringReason(ScoringReasonKind.NeedsReading, ScoringWeights.ReadingNeededPenalty, TrainingTrack.Snacks), snacks.Reasons);
        Assert.Contains(snacks.Reasons, reason => reason.ToString().StartsWith("-25 needs reading", StringComparison.Ordinal));
        Assert.Equal(40 + 20, sewing.Score);
        Assert.True(result.ToList().IndexOf(sewing) < result.ToList().IndexOf(snacks));
    }

    [Fact]
    public void Recommend_CanReadAndWrite_NoReadingPenalty()
    {
        var snacks = AssessmentScoring.Recommend(Assess([TrainingTrack.Snacks])).Single(r => r.Track == TrainingTrack.Snacks);

        Assert.DoesNotContain(snacks.Reasons, reason => reason.Kind == ScoringReasonKind.NeedsReading);
    }

    [Fact]
    public void Recommend_HealthConstraint_PenalisesHeavyTracksWithoutRepeatingTheConstraint()
    {
        var result = AssessmentScoring.Recommend(Assess(
            [TrainingTrack.UpcycledFurniture, TrainingTrack.Crafts], preferred: BusinessType.Crafts, health: "asma berat"));

        var furniture = result.Single(r => r.Track == TrainingTrack.UpcycledFurniture);
        Assert.Equal(40 + 20 - 20, furniture.Score);
        Assert.Contains("-20 physically demanding work; a health constraint is recorded", furniture.Reasons.Select(reason => reason.ToString()));
        Assert.Equal(TrainingTrack.Crafts, result[0].Track);
        Assert.DoesNotContain(result.SelectMany(r => r.Reasons), reason =>
            $"{reason} {reason.Describe(indonesian: true)} {reason.Describe(indonesian: false)}".Contains("asma", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Recommend_BlankHealthConstraint_NoPenalty()
    {
        var farming = AssessmentScoring.Recommend(Assess([TrainingTrack.Farming], health: "  ")).Single(r => r.Track == TrainingTrack.Farming);

        Assert.Equal(40 + 20, farming.Score);
    }

    [Fact]
    public void Recommend_AnyAssessment_EveryTrackOnceAndScoreIsTheSumOfItsReasons()
    {
        var result = AssessmentScoring.Recommend(Assess(
            [TrainingTrack.TenunWeaving, TrainingTrack.VirginCoconutOil], [TrainingTrack.Batik], BusinessType.Agriculture, canReadWrite: false, health: "hamil"));

        Assert.Equal(Enum.GetValues<TrainingTrack>().Order(), result.Select(r => r.Track).Order());
        Assert.All(result, r => Assert.Equal(r.Score, r.Reasons.Sum(reason => reason.Points)));
        Assert.All(result.SelectMany(r => r.Reasons), reason => Assert.Equal(
            reason.Points, int.Parse(reason.ToString().Split(' ')[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
        Assert.Equal(result.Select(r => r.Score).OrderDescending(), result.Select(r => r.Score));
    }
}

using System.Text.Json;

namespace PepFunctions.Domain.Tests;

/// <summary>The records travel as orchestration inputs and outputs and land in table rows, all as JSON.</summary>
public sealed class SerializationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Web), Web)!;

    [Fact]
    public void Enrollment_RoundTrip_KeepsEveryField()
    {
        var enrollment = new Enrollment("LPP-KUPANG", "WBP-2024-0012", "Maria Ndolu", null, new DateOnly(2026, 2, 1),
            new Consent("petugas.giatja", new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(8)), [ConsentPurpose.Programme]));

        var copy = RoundTrip(enrollment);

        Assert.Equal(JsonSerializer.Serialize(enrollment, Web), JsonSerializer.Serialize(copy, Web));
        Assert.Equal(enrollment.ExpectedReleaseDate, copy.ExpectedReleaseDate);
        Assert.Equal([ConsentPurpose.Programme], copy.Consent!.Scope);
    }

    [Fact]
    public void Enums_Serialize_AsNamesSoReorderingCannotChangeStoredMeaning()
    {
        var json = JsonSerializer.Serialize(new ReleaseRecord(new DateOnly(2025, 3, 1), ReleaseKind.Parole, new DateOnly(2026, 1, 15)), Web);

        Assert.Equal("""{"releaseDate":"2025-03-01","kind":"Parole","sentenceEnd":"2026-01-15"}""", json);
    }

    [Fact]
    public void Assessment_RoundTrip_KeepsListsAndLeavesOutComputedFlags()
    {
        var assessment = new Assessment([TrainingTrack.TenunWeaving], [TrainingTrack.Sewing], "Penjahit", EducationLevel.JuniorSecondary, true, null, "Dua anak kecil", BusinessType.Fashion);

        var json = JsonSerializer.Serialize(assessment, Web);
        var copy = JsonSerializer.Deserialize<Assessment>(json, Web)!;

        Assert.DoesNotContain("hasHealthConstraint", json, StringComparison.Ordinal);
        Assert.Equal([TrainingTrack.TenunWeaving], copy.Interests);
        Assert.Equal(assessment with { Interests = copy.Interests, PriorSkills = copy.PriorSkills }, copy);
    }

    [Fact]
    public void PipelineOptions_RoundTrip_Equal()
    {
        var options = new PipelineOptions { FollowUpInterval = TimeSpan.FromSeconds(4), ReminderLead = TimeSpan.FromSeconds(1) };

        Assert.Equal(options, RoundTrip(options));
    }

    [Fact]
    public void KurTier_RoundTrip_Equal() =>
        Assert.Equal(KurTier.Mikro, RoundTrip(KurTier.Mikro));
}

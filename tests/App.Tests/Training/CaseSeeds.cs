using Azure.Data.Tables;
using PepFunctions.App.Files;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Training;

/// <summary>Case records at a given point of the pipeline, as the Cases feature writes them, for the training and marketing tests.</summary>
internal static class CaseSeeds
{
    /// <summary>A case that has been assessed and waits for (or is in) training.</summary>
    public static Task<string> SeedTraineeAsync(this FeatureApp app, string officeCode) =>
        app.SeedAtAsync(officeCode, PipelineStage.Training, releasedAt: null);

    /// <summary>A case released at <paramref name="releasedAt"/> (1 January 2025 unless given), in mentoring, mentored by <paramref name="mentor"/>.</summary>
    public static Task<string> SeedReleasedAsync(this FeatureApp app, string officeCode, DateTimeOffset? releasedAt = null, string? mentor = null) =>
        app.SeedAtAsync(officeCode, PipelineStage.Mentoring, releasedAt ?? new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero), mentor);

    /// <summary>A case at <paramref name="stage"/>, mentored by <paramref name="mentor"/> when given.</summary>
    public static async Task<string> SeedAtAsync(this FeatureApp app, string officeCode, PipelineStage stage, DateTimeOffset? releasedAt, string? mentor = null)
    {
        var caseId = await app.SeedCaseAsync(officeCode, mentor);
        var entity = new TableEntity(caseId, caseId) { [CaseOffices.StageProperty] = stage.ToString() };
        if (releasedAt is { } released)
        {
            entity[CaseOffices.ReleasedAtProperty] = released;
        }

        await app.Table(CaseOffices.CasesTable).UpsertEntityAsync(entity, TableUpdateMode.Merge);
        return caseId;
    }
}

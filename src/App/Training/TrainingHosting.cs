using PepFunctions.App.Files;

namespace PepFunctions.App.Training;

/// <summary>Registers the training feature's services; the Functions SDK finds <see cref="TrainingFunctions"/> itself.</summary>
internal static class TrainingHosting
{
    /// <summary>Adds <see cref="TrainingService"/> and the record storage it works on.</summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        builder.AddRecordStorage();
        builder.Services.AddSingleton<TrainingService>();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using PepFunctions.App.Hosting;
using PepFunctions.Domain;

namespace PepFunctions.App.Files;

/// <summary>Registers the storage the programme's records and files live in.</summary>
internal static class FilesHosting
{
    /// <summary>
    /// Adds <see cref="HubStorage"/>, <see cref="FileStore"/>, <see cref="CaseOffices"/> and <see cref="Cases.UnfinishedActions"/> on the function app's
    /// storage account (<see cref="StorageHosting.AddRecordStorageAccount"/>), <see cref="FilesOptions"/> checked on start,
    /// and the system clock unless a <see cref="TimeProvider"/> is registered already.
    /// </summary>
    /// <remarks>The training, capital and marketing features each call it; the second and later calls change nothing.</remarks>
    public static IHostApplicationBuilder AddRecordStorage(this IHostApplicationBuilder builder)
    {
        builder.AddRecordStorageAccount();
        if (builder.Services.Any(service => service.ServiceType == typeof(FileStore)))
        {
            return builder;
        }

        builder.Services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<HubStorage>();
        builder.Services.AddSingleton<FileStore>();
        builder.Services.TryAddSingleton<CaseOffices>();
        builder.Services.TryAddSingleton<Cases.UnfinishedActions>();

        // Batch capacity, attendance threshold and referral wait; the Cases feature binds the same section.
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName);
        return builder;
    }
}

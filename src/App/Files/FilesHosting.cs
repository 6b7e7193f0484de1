using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Files;

/// <summary>Registers the storage the programme's records and files live in.</summary>
internal static class FilesHosting
{
    /// <summary>
    /// Adds <see cref="HubStorage"/>, <see cref="FileStore"/> and <see cref="CaseOffices"/>, with table and blob
    /// clients on <see cref="DurableStorageOptions.ConnectionString"/> unless another feature registered them first.
    /// </summary>
    public static WebApplicationBuilder AddRecordStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new TableServiceClient(sp.GetRequiredService<IOptions<DurableStorageOptions>>().Value.ConnectionString));
        builder.Services.TryAddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<DurableStorageOptions>>().Value.ConnectionString));
        builder.Services.TryAddSingleton<HubStorage>();
        builder.Services.TryAddSingleton<FileStore>();
        builder.Services.TryAddSingleton<CaseOffices>();

        // Batch capacity, attendance threshold and referral wait; the Cases feature binds the same section.
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName);
        return builder;
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.Domain;
using PepFunctions.Durable;

namespace PepFunctions.App.Cases;

/// <summary>Registers the case pipeline, its activities, its storage and <see cref="CaseService"/>.</summary>
internal static class CasesHosting
{
    /// <summary>The case pipeline and its activities.</summary>
    public static DurableTaskRegistry AddCaseTasks(this DurableTaskRegistry registry) => registry
        .AddOrchestrator<CasePipeline>()
        .AddActivity<RecordProgress>()
        .AddActivity<ApplyRelease>()
        .AddActivity<QueueNotification>()
        .AddActivity<MarkFollowUpOverdue>()
        .AddActivity<CheckGraduation>()
        .AddActivity<CloseCase>();

    /// <summary>
    /// Adds <see cref="PipelineOptions"/> (section <c>Pipeline</c>, checked on start), the case and follow-up stores on
    /// tables named after the task hub, <see cref="CaseService"/>, and the notification outbox and its delivery.
    /// </summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidation>();
        builder.Services.AddOptions<PipelineOptions>().ValidateOnStart();

        // The same storage account as the durable runtime; other features may have registered these first.
        builder.Services.TryAddSingleton(sp => new TableServiceClient(sp.GetRequiredService<IOptions<DurableStorageOptions>>().Value.ConnectionString));
        builder.Services.TryAddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<DurableStorageOptions>>().Value.ConnectionString));
        builder.Services.TryAddSingleton<HubStorage>();
        builder.Services.TryAddSingleton<CaseStore>();
        builder.Services.TryAddSingleton<CaseTimeline>();
        builder.Services.TryAddSingleton<FollowUpStore>();
        builder.Services.TryAddSingleton<CaseService>();
        builder.AddNotifications();
        return builder;
    }

    private sealed class PipelineOptionsValidation : IValidateOptions<PipelineOptions>
    {
        public ValidateOptionsResult Validate(string? name, PipelineOptions options) =>
            options.Validate() is { Count: > 0 } errors
                ? ValidateOptionsResult.Fail(errors.Select(e => $"{PipelineOptions.SectionName}:{e.Field}: {e.Message}"))
                : ValidateOptionsResult.Success;
    }
}

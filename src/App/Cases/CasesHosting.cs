using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Mentoring;
using PepFunctions.App.Notifications;
using PepFunctions.App.Privacy;
using PepFunctions.Domain;

namespace PepFunctions.App.Cases;

/// <summary>
/// Registers the case feature's services. The Functions SDK finds <see cref="CasesFunctions"/>, <see cref="CasePipeline"/>
/// and the activities itself, and activates them with these services.
/// </summary>
internal static class CasesHosting
{
    /// <summary>
    /// Adds <see cref="PipelineOptions"/> (section <c>Pipeline</c>, checked on start), the case and follow-up stores on
    /// tables named after the task hub, <see cref="CaseService"/>, and the notification outbox and its delivery.
    /// </summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidation>());
        builder.Services.AddOptions<PipelineOptions>().ValidateOnStart();

        builder.AddRecordStorageAccount();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<HubStorage>();
        builder.Services.TryAddSingleton<CaseStore>();
        builder.Services.TryAddSingleton<CaseTimeline>();
        builder.Services.TryAddSingleton<FailedPipelines>();
        builder.Services.TryAddSingleton<FollowUpStore>();
        builder.Services.TryAddSingleton<UnfinishedActions>();
        builder.Services.TryAddSingleton<CaseService>();
        builder.AddNotifications();
        builder.AddPrivacy();
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

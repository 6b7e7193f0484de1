using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PepFunctions.App.Cases;
using PepFunctions.App.Files;
using PepFunctions.App.Hosting;
using PepFunctions.App.Sweeps;
using PepFunctions.Domain;

namespace PepFunctions.App.Privacy;

/// <summary>Registers the personal data services: case ids, read audit, export, erasure and the retention sweep.</summary>
internal static class PrivacyHosting
{
    /// <summary>Adds <see cref="PrivacyOptions"/> (validated on start: no case id key, no start), the <see cref="CaseIdGenerator"/>,
    /// the read audit, the export, the erasure and the retention sweep.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidation>());
        builder.Services.AddOptions<PrivacyOptions>().ValidateOnStart();
        builder.Services.TryAddSingleton(services => new CaseIdGenerator(services.GetRequiredService<IOptions<PrivacyOptions>>().Value.CaseIdKey));
        builder.AddRecordStorageAccount();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<HubStorage>();
        builder.Services.TryAddSingleton<CaseConsents>();
        builder.Services.TryAddSingleton<CaseTimeline>();
        builder.Services.TryAddSingleton<ReadAudit>();
        builder.Services.TryAddSingleton<PersonalDataAudit>();
        builder.Services.TryAddSingleton<CaseExport>();
        builder.Services.TryAddSingleton<CaseErasure>();
        builder.Services.TryAddSingleton<RetentionSweep>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweep, RetentionSweep>(services => services.GetRequiredService<RetentionSweep>()));
        builder.Services.TryAddSingleton<ErasureSweep>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweep, ErasureSweep>(services => services.GetRequiredService<ErasureSweep>()));
        return builder;
    }

    private sealed class PrivacyOptionsValidation : IValidateOptions<PrivacyOptions>
    {
        public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using PepFunctions.App.Hosting;

namespace PepFunctions.App.Health;

/// <summary>Registers the health probe.</summary>
internal static class HealthHosting
{
    /// <summary>Adds <see cref="HealthOptions"/> (checked on start), the storage clients, and the <see cref="HealthProbe"/>.</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddRecordStorageAccount();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<HealthProbe>();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PepFunctions.App.Demo;

/// <summary>Registers the demo seed.</summary>
internal static class DemoHosting
{
    /// <summary>Adds <see cref="DemoOptions"/> and the <see cref="DemoSeed"/> the <c>SeedDemo</c> timer runs.</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DemoSeed>();
        return builder;
    }
}

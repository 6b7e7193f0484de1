using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PepFunctions.App.Dashboards;

/// <summary>Registers <see cref="DashboardService"/>, which the home page (<c>Web/Pages/Index</c>) shows.</summary>
internal static class DashboardsHosting
{
    /// <summary>Adds <see cref="DashboardService"/>; the case, training, product and referral services it reads are the features' own.</summary>
    public static IHostApplicationBuilder AddDashboards(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DashboardService>();
        return builder;
    }
}

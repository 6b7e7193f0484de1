namespace PepFunctions.App.Dashboards;

/// <summary>Registers <see cref="DashboardService"/>, which the home page (<c>Web/Pages/Index</c>) shows.</summary>
internal static class DashboardsHosting
{
    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardService>();
        return builder;
    }
}

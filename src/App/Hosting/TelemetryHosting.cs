using Microsoft.Azure.Functions.Worker;

namespace PepFunctions.App.Hosting;

/// <summary>The app's own telemetry (its logs, dependencies and exceptions) to Application Insights; see infra/README.md.</summary>
internal static class TelemetryHosting
{
    private const string ApplicationInsightsLogger = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Adds the Functions worker's Application Insights integration. It sends nothing without
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (set in Azure, absent locally), and authenticates with the managed
    /// identity when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says so.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

        // The SDK keeps only warnings by default; the logging configuration decides instead, so that information
        // the operator's alerts query (a notification that gave up, for example) reaches Application Insights.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            if (options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLogger) is { } rule)
            {
                options.Rules.Remove(rule);
            }
        });

        // ASP.NET Core's information lines (a result written, per request) repeat what the host's request telemetry says.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The Durable Task worker's information lines (each activity and orchestration step) repeat what the Durable
        // extension's own tracking records; the app's own lines say what happened to a case.
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        return builder;
    }
}

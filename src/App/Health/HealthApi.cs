using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PepFunctions.App.Health;

/// <summary><c>GET /api/health</c>: whether storage answers and the durable worker runs.</summary>
internal static class HealthApi
{
    /// <summary>Adds the storage and worker health checks and <see cref="HealthOptions"/>.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name)
            .AddCheck<WorkerHealthCheck>(WorkerHealthCheck.Name);
        return builder;
    }

    /// <summary>Maps <c>GET /api/health</c>.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealthAsync)
            .WithTags("Health")
            .WithSummary("200 when storage is reachable and the worker is running; 503 saying which is not.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var response = new HealthResponse(
            report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy",
            IsHealthy(report, StorageHealthCheck.Name) ? "reachable" : "unreachable",
            IsHealthy(report, WorkerHealthCheck.Name) ? "running" : "not running");
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static bool IsHealthy(HealthReport report, string check) =>
        report.Entries.TryGetValue(check, out var entry) && entry.Status == HealthStatus.Healthy;
}

/// <summary>The app's health.</summary>
/// <param name="Status"><c>Healthy</c> or <c>Unhealthy</c>.</param>
/// <param name="Storage"><c>reachable</c> or <c>unreachable</c>.</param>
/// <param name="Worker"><c>running</c> or <c>not running</c>.</param>
internal sealed record HealthResponse(string Status, string Storage, string Worker);

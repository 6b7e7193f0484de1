using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Http;

namespace PepFunctions.App.Health;

/// <summary><c>GET /api/health</c>: whether storage and the task hub answer.</summary>
public sealed class HealthFunctions(StaffApi api, HealthProbe probe)
{
    /// <summary>200 when storage and the task hub are reachable; 503 saying which is not.</summary>
    [Function("GetHealth")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        [DurableClient] DurableTaskClient? client) =>
        api.RunAnonymousAsync(request, async cancellationToken =>
        {
            var health = await probe.CheckAsync(client, cancellationToken);
            return health.Status == HealthResponse.Healthy
                ? TypedResults.Ok(health)
                : TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
}

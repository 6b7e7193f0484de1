using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;

namespace PepFunctions.App.Instances;

/// <summary>Inspects and controls any orchestration instance, for administrators: <c>/api/instances</c>.</summary>
/// <remarks>
/// <para>Every function here needs a signed-in <c>Administrator</c> (401 when nobody is signed in, 403 for other roles).
/// Every use on one case's pipeline is written to that case's timeline with the administrator's username once the client
/// has accepted it (a refused one is not written; <see cref="PipelineControl"/>); a listing is logged.</para>
/// <para>
/// Durable Task has no dead-letter store. An activity that throws is retried by its retry policy; when the retries are
/// used up the exception reaches the orchestration, and one that keeps failing makes its orchestration fail. The
/// instance then shows as <c>Failed</c> here (<c>GET /api/instances?status=Failed</c>, with the error in <c>failure</c>)
/// and in Application Insights (the function's failed invocation and its exception). After fixing the cause, an
/// operator starts the work again (for a case, its staff action) or purges the failed instance.
/// </para>
/// </remarks>
public sealed class InstancesFunctions(StaffApi api, CaseService cases, ILogger<InstancesFunctions> logger)
{
    /// <summary>The path of an instance's status, as returned in <c>Location</c> headers.</summary>
    public static string StatusPath(string instanceId) => $"/api/instances/{Uri.EscapeDataString(instanceId)}";

    /// <summary>Lists instances, filtered by id prefix, status and creation time, a page at a time.</summary>
    [Function("ListInstances")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/instances")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
        {
            var query = InstanceListQuery.From(request.Query);
            logger.LogInformation("Pipelines listed by {Username}", admin.Username);
            var pages = client.GetAllInstancesAsync(query.Filter).AsPages(query.ContinuationToken, query.PageSize);
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                return TypedResults.Ok(new InstancePageResponse([.. page.Values.Select(InstanceSummary.From)], page.ContinuationToken));
            }

            return TypedResults.Ok(new InstancePageResponse([], null));
        });

    /// <summary>
    /// Counts the running case pipelines per orchestration version (from each one's custom status,
    /// <see cref="PipelineStatus"/>), so the team knows when an old version can be deleted.
    /// </summary>
    /// <remarks>
    /// Bounded: one call reads at most <see cref="VersionCountPages"/> pages of <see cref="VersionCountPageSize"/> running
    /// instances (the provider's status query over <c>{hub}Instances</c>) and answers the counts so far with a
    /// <c>continuationToken</c>; calling again with it counts the next ones (the caller adds them up). Null once all are counted.
    /// </remarks>
    [Function("CountInstanceVersions")]
    public Task<IActionResult> CountVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/instances/versions")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
        {
            var continuation = request.Query["continuationToken"] is { Count: > 0 } token ? token.ToString() : null;
            var filter = new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
                PageSize = VersionCountPageSize,
            };
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var (pages, counted, next) = (0, 0, (string?)null);
            await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(continuation, VersionCountPageSize).WithCancellation(cancellationToken))
            {
                foreach (var instance in page.Values.Where(i => i.Name == nameof(CasePipeline)))
                {
                    var version = VersionOf(instance);
                    counts[version] = counts.GetValueOrDefault(version) + 1;
                    counted++;
                }

                next = page.ContinuationToken;
                if (++pages == VersionCountPages)
                {
                    break;
                }
            }

            logger.LogInformation("Pipeline versions counted by {Username}", admin.Username);
            return TypedResults.Ok(new VersionCountResponse(counts, counted, string.IsNullOrEmpty(next) ? null : next));
        });

    /// <summary>The pages one call of <c>GET /api/instances/versions</c> reads at most.</summary>
    internal const int VersionCountPages = 20;

    /// <summary>The instances in each page it reads.</summary>
    internal const int VersionCountPageSize = 500;

    /// <summary>The version in the custom status; <c>unversioned</c> for an instance started before versioning, <c>unreported</c> when it has not said yet.</summary>
    private static string VersionOf(OrchestrationMetadata instance) => PipelineStatus.VersionOf(instance) switch
    {
        null => "unreported",
        "" => "unversioned",
        var named => named,
    };

    /// <summary>An instance's status, custom status, input, output and failure.</summary>
    [Function("GetInstance")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/instances/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance is null)
            {
                return NotFound(instanceId);
            }

            await cases.AuditControlAsync(admin, instanceId, PipelineControl.StatusRead, cancellationToken);
            return TypedResults.Ok(InstanceResponse.From(instance));
        });

    /// <summary>The instance's history, oldest first; 501 where the host's client does not serve history.</summary>
    [Function("GetInstanceHistory")]
    public Task<IActionResult> GetHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/instances/{instanceId}/history")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
        {
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                return NotFound(instanceId);
            }

            await cases.AuditControlAsync(admin, instanceId, PipelineControl.HistoryRead, cancellationToken);
            try
            {
                var history = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
                return TypedResults.Ok(new HistoryResponse(instanceId, [.. history.Select(HistoryEntryResponse.From)]));
            }
            catch (Exception ex) when (ex is NotSupportedException or NotImplementedException)
            {
                return TypedResults.Problem(
                    "This host's durable client does not read orchestration history. See the instance's history in the Durable Functions " +
                    "monitor (the Durable Task Scheduler dashboard or the Azure portal), and its status here.",
                    statusCode: StatusCodes.Status501NotImplemented, title: "History is in the Durable Functions monitor");
            }
        });

    /// <summary>Ends a running instance now; the optional <c>{reason}</c> becomes its output.</summary>
    [Function("TerminateInstance")]
    public Task<IActionResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/instances/{instanceId}/terminate")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        ControlAsync(request, instanceId, client, PipelineControl.Terminated, Running, (reason, ct) => client.TerminateInstanceAsync(instanceId, reason, ct));

    /// <summary>Pauses a running instance; events sent meanwhile wait for its resumption.</summary>
    [Function("SuspendInstance")]
    public Task<IActionResult> SuspendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/instances/{instanceId}/suspend")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        ControlAsync(request, instanceId, client, PipelineControl.Suspended, Suspendable, (reason, ct) => client.SuspendInstanceAsync(instanceId, reason, ct));

    /// <summary>Resumes a suspended instance.</summary>
    [Function("ResumeInstance")]
    public Task<IActionResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/instances/{instanceId}/resume")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        ControlAsync(request, instanceId, client, PipelineControl.Resumed, [OrchestrationRuntimeStatus.Suspended], (reason, ct) => client.ResumeInstanceAsync(instanceId, reason, ct));

    /// <summary>
    /// Starts a case's stopped (Failed or Terminated) pipeline again at the stage its record is at; 202 when started,
    /// 200 when it runs already (a restart made before: nothing is done twice), 404 for no such case, 409 for a case that has ended.
    /// </summary>
    [Function("RestartInstance")]
    public Task<IActionResult> RestartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/instances/{instanceId}/restart")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
            await cases.RestartPipelineAsync(admin, instanceId, client, cancellationToken)
                ? TypedResults.Accepted(StatusPath(instanceId))
                : (IResult)TypedResults.Ok(new RestartResponse(instanceId, "The pipeline runs already; nothing was restarted.")));

    /// <summary>Deletes an ended instance and its history; 409 while it runs, 404 when there is nothing to purge.</summary>
    [Function("PurgeInstance")]
    public Task<IActionResult> PurgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/instances/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
        {
            var instance = await client.GetInstanceAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return NotFound(instanceId);
            }

            if (!instance.IsCompleted)
            {
                return Conflict(instanceId, $"Orchestration instance '{instanceId}' is {instance.RuntimeStatus}; only an ended instance can be purged.");
            }

            await cases.AuditControlAsync(admin, instanceId, PipelineControl.Purged, cancellationToken);
            var purged = await client.PurgeInstanceAsync(instanceId, cancellationToken);
            return purged.PurgedInstanceCount > 0 ? TypedResults.NoContent() : NotFound(instanceId);
        });

    // The states in which the Durable Functions client accepts each operation (its DurableClient: IsOrchestrationRunning,
    // IsOrchestrationSuspendable, IsOrchestrationSuspended); in any other it throws (an RpcException in the isolated worker).
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Pending];

    private static readonly OrchestrationRuntimeStatus[] Suspendable = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending];

    private Task<IActionResult> ControlAsync(
        HttpRequest request, string instanceId, DurableTaskClient client, PipelineControl control,
        IReadOnlyCollection<OrchestrationRuntimeStatus> allowed, Func<string?, CancellationToken, Task> send) =>
        api.RunAsAdministratorAsync(request, async (admin, cancellationToken) =>
        {
            var body = await ReadReasonAsync(request, cancellationToken);
            var instance = await client.GetInstanceAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return NotFound(instanceId);
            }

            if (!allowed.Contains(instance.RuntimeStatus))
            {
                return Conflict(instanceId, $"Orchestration instance '{instanceId}' is {instance.RuntimeStatus}; it can be {control} only when " +
                    $"{string.Join(" or ", allowed)}. Nothing was sent.");
            }

            // Sent first, recorded once sent: the client refuses (RpcException, answered 404 or 409 by StaffApi) a state
            // that changed since the read above, and an action that was refused must not be on the case's timeline.
            await send(body?.Reason, cancellationToken);
            await cases.AuditControlAsync(admin, instanceId, control, cancellationToken);
            return TypedResults.Accepted(StatusPath(instanceId));
        });

    // The body is optional: no body means no reason; a body is JSON like any other (415, 413, 400 as JsonBody answers).
    private static async Task<ReasonRequest?> ReadReasonAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RequestBody.HasBody(request) ? await JsonBody.ReadAsync<ReasonRequest>(request, cancellationToken) : null;

    private static IResult NotFound(string instanceId) => TypedResults.Problem(
        $"Orchestration instance '{instanceId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Instance not found");

    private static IResult Conflict(string instanceId, string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status409Conflict, title: "The instance's state does not allow this",
        extensions: new Dictionary<string, object?> { ["instanceId"] = instanceId });
}

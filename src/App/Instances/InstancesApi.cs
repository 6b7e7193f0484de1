using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Http;
using PepFunctions.Durable;

namespace PepFunctions.App.Instances;

/// <summary>Inspects and controls any orchestration instance: <c>/api/instances</c>.</summary>
internal static class InstancesApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    /// <summary>The path of an instance's status, as returned in <c>Location</c> headers.</summary>
    public static string StatusPath(string instanceId) => $"/api/instances/{Uri.EscapeDataString(instanceId)}";

    /// <summary>Maps the instance endpoints.</summary>
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/instances").WithTags("Instances").AddEndpointFilter<DurableClientErrors>();
        api.MapGet("", ListAsync).WithSummary("Lists instances, filtered by status and id prefix, a page at a time.");
        api.MapGet("/{instanceId}", GetAsync).WithSummary("An instance's status, custom status, input, output and failure.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{instanceId}/history", GetHistoryAsync).WithSummary("The current execution's history, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{instanceId}/events/{eventName}", RaiseEventAsync).WithSummary("Sends an event; the JSON body is its payload.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{instanceId}/terminate", (string instanceId, ReasonRequest? body, DurableTaskClient client, CancellationToken ct) =>
                ControlAsync(instanceId, client.TerminateAsync(instanceId, body?.Reason, ct)))
            .WithSummary("Ends the instance now.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{instanceId}/suspend", (string instanceId, ReasonRequest? body, DurableTaskClient client, CancellationToken ct) =>
                ControlAsync(instanceId, client.SuspendAsync(instanceId, body?.Reason, ct)))
            .WithSummary("Pauses the instance.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{instanceId}/resume", (string instanceId, ReasonRequest? body, DurableTaskClient client, CancellationToken ct) =>
                ControlAsync(instanceId, client.ResumeAsync(instanceId, body?.Reason, ct)))
            .WithSummary("Resumes a suspended instance.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/{instanceId}", PurgeAsync).WithSummary("Deletes an ended instance and its history.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<InstancePageResponse>, ValidationProblem>> ListAsync(
        string[]? status, string? prefix, string? pageSize, string? continuationToken, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var statuses = new List<OrchestrationStatus>();
        foreach (var value in status ?? [])
        {
            if (Enum.TryParse<OrchestrationStatus>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                statuses.Add(parsed);
            }
            else
            {
                errors.Add(nameof(status), $"'{value}' is not a status; use one of {string.Join(", ", Enum.GetNames<OrchestrationStatus>())}.");
            }
        }

        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add(nameof(pageSize), $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var page = await client.QueryInstancesAsync(
            new InstanceQuery { Statuses = statuses, InstanceIdPrefix = prefix, PageSize = size, ContinuationToken = continuationToken },
            cancellationToken);
        return TypedResults.Ok(new InstancePageResponse([.. page.Items.Select(InstanceSummary.From)], page.ContinuationToken));
    }

    private static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> GetAsync(
        string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return instance is null ? NotFound(instanceId) : TypedResults.Ok(InstanceResponse.From(instance));
    }

    private static async Task<Ok<HistoryResponse>> GetHistoryAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken) =>
        TypedResults.Ok(new HistoryResponse(instanceId, await client.GetHistoryAsync(instanceId, cancellationToken)));

    private static async Task<Accepted> RaiseEventAsync(
        string instanceId, string eventName, JsonElement? payload, DurableTaskClient client, CancellationToken cancellationToken)
    {
        // An empty body binds as an undefined element, not null; it means "no payload".
        var data = payload is { ValueKind: not JsonValueKind.Undefined } json ? json : (JsonElement?)null;
        await client.RaiseEventAsync(instanceId, eventName, data, cancellationToken);
        return TypedResults.Accepted(StatusPath(instanceId));
    }

    private static async Task<Accepted> ControlAsync(string instanceId, Task sent)
    {
        await sent;
        return TypedResults.Accepted(StatusPath(instanceId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PurgeAsync(
        string instanceId, DurableTaskClient client, CancellationToken cancellationToken) =>
        await client.PurgeInstanceAsync(instanceId, cancellationToken) ? TypedResults.NoContent() : NotFound(instanceId);

    private static ProblemHttpResult NotFound(string instanceId) => TypedResults.Problem(
        $"Orchestration instance '{instanceId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Instance not found");
}

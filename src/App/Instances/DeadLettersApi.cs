using Microsoft.AspNetCore.Http.HttpResults;
using PepFunctions.App.Http;
using PepFunctions.Durable;

namespace PepFunctions.App.Instances;

/// <summary>Messages that kept failing and were set aside: <c>/api/deadletters</c>.</summary>
internal static class DeadLettersApi
{
    private const int DefaultMax = 100;
    private const int MaxMax = 1000;

    /// <summary>Maps the dead-letter endpoints.</summary>
    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deadletters").WithTags("Dead letters").AddEndpointFilter<DurableClientErrors>();
        api.MapGet("", ListAsync).WithSummary("Dead letters, optionally for one instance.");
        api.MapPost("/{instanceId}/{id}/redrive", RedriveAsync).WithSummary("Puts a dead letter back to work, its attempts reset.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ValidationProblem>> ListAsync(
        string? instanceId, int? max, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (max is < 1 or > MaxMax)
        {
            var errors = new ValidationErrors();
            errors.Add(nameof(max), $"max must be from 1 to {MaxMax}.");
            return errors.ToProblem();
        }

        return TypedResults.Ok(await client.GetDeadLettersAsync(instanceId, max ?? DefaultMax, cancellationToken));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RedriveAsync(
        string instanceId, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        // The client re-drives a DeadLetter it listed; an instance rarely has more than a few.
        var letters = await client.GetDeadLettersAsync(instanceId, int.MaxValue, cancellationToken);
        if (letters.FirstOrDefault(letter => letter.Id == id) is not { } letter || !await client.RedriveAsync(letter, cancellationToken))
        {
            return TypedResults.Problem(
                $"Instance '{instanceId}' has no dead letter '{id}'; it may have been re-driven already.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Dead letter not found");
        }

        return TypedResults.Accepted(InstancesApi.StatusPath(instanceId));
    }
}

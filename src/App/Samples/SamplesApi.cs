using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PepFunctions.App.Http;
using PepFunctions.App.Instances;
using PepFunctions.Durable;

namespace PepFunctions.App.Samples;

/// <summary>Starts the sample orchestrations: <c>POST /api/samples/hello</c> and <c>POST /api/samples/approval</c>.</summary>
internal static class SamplesApi
{
    private const int MaxNameLength = 100;

    /// <summary>Registers the sample orchestrators and activity.</summary>
    public static DurableTaskRegistry AddSampleTasks(this DurableTaskRegistry registry) => registry
        .AddOrchestrator<HelloSequence>()
        .AddOrchestrator<ApprovalWorkflow>()
        .AddActivity<SayHello>();

    /// <summary>Adds <see cref="SamplesOptions"/>.</summary>
    public static WebApplicationBuilder AddSamples(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SamplesOptions>().BindConfiguration(SamplesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>Maps the sample endpoints.</summary>
    public static IEndpointRouteBuilder MapSamplesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/samples").WithTags("Samples").AddEndpointFilter<DurableClientErrors>();
        api.MapPost("/hello", StartHelloAsync)
            .WithSummary("Starts a HelloSequence: three SayHello activities in a row.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/approval", StartApprovalAsync)
            .WithSummary($"Starts an ApprovalWorkflow, which waits for an '{ApprovalWorkflow.ApprovalEvent}' event.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Accepted<StartedResponse>, ValidationProblem>> StartHelloAsync(
        StartHelloRequest? request, DurableTaskClient client, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request?.Name))
        {
            errors.Add("name", "A name is required.");
        }
        else if (request.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"A name must be at most {MaxNameLength} characters; this one has {request.Name.Length}.");
        }

        errors.AddIfInvalidInstanceId("instanceId", request?.InstanceId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var instanceId = await client.StartNewAsync(
            nameof(HelloSequence), request!.Name, new StartOrchestrationOptions { InstanceId = request.InstanceId }, cancellationToken);
        return Started(loggers, nameof(HelloSequence), instanceId);
    }

    private static async Task<Results<Accepted<StartedResponse>, ValidationProblem>> StartApprovalAsync(
        StartApprovalRequest? request, DurableTaskClient client, IOptions<SamplesOptions> options, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.AddIfInvalidInstanceId("instanceId", request?.InstanceId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var instanceId = await client.StartNewAsync(
            nameof(ApprovalWorkflow),
            new ApprovalRequest(options.Value.ApprovalTimeout),
            new StartOrchestrationOptions { InstanceId = request?.InstanceId },
            cancellationToken);
        return Started(loggers, nameof(ApprovalWorkflow), instanceId);
    }

    private static Accepted<StartedResponse> Started(ILoggerFactory loggers, string orchestrator, string instanceId)
    {
        loggers.CreateLogger(typeof(SamplesApi)).LogInformation("Started {Orchestrator} instance {InstanceId}", orchestrator, instanceId);
        var statusUrl = InstancesApi.StatusPath(instanceId);
        return TypedResults.Accepted(statusUrl, new StartedResponse(instanceId, statusUrl));
    }
}

/// <summary>Body of <c>POST /api/samples/hello</c>.</summary>
/// <param name="Name">Who or what to greet; required, at most 100 characters.</param>
/// <param name="InstanceId">The instance id to use; a new one when omitted.</param>
internal sealed record StartHelloRequest(string? Name, string? InstanceId);

/// <summary>Body of <c>POST /api/samples/approval</c> (optional).</summary>
/// <param name="InstanceId">The instance id to use; a new one when omitted.</param>
internal sealed record StartApprovalRequest(string? InstanceId);

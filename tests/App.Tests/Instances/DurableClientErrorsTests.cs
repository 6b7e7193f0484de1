using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PepFunctions.App.Http;
using PepFunctions.Testing;

namespace PepFunctions.App.Tests.Instances;

/// <summary>
/// What the app answers when the durable client refuses, with a mock of the isolated worker's client that refuses as
/// the Durable Functions client does in Azure (<see cref="DurableClientContract"/>, the cases the runner's
/// <c>EngineClientContractTests</c> pin its own client to): an instance that does not exist is 404, a state that does
/// not allow it 409, the client's endpoint unreachable 503 with <c>Retry-After</c>; never a 500.
/// </summary>
public sealed class DurableClientErrorsTests
{
    public static TheoryData<ClientOperation, InstanceState, string> Refusals()
    {
        var data = new TheoryData<ClientOperation, InstanceState, string>();
        foreach (var (operation, state, refusal) in DurableClientContract.Cases.Where(c => c.Refusal is not null))
        {
            data.Add(operation, state, refusal!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RunAnonymousAsync_ClientRefusesAsInAzure_AnswersNotFoundOrConflict(ClientOperation operation, InstanceState state, string refusal)
    {
        var client = MockClient(Enum.Parse<StatusCode>(refusal));

        var status = await AnswerAsync(() => Run(client.Object, operation));

        Assert.Equal(state == InstanceState.Missing ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, status);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task RunAnonymousAsync_ClientEndpointUnreachable_Answers503(StatusCode code)
    {
        var client = MockClient(code);

        var status = await AnswerAsync(() => Run(client.Object, ClientOperation.RaiseEvent));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
    }

    private static Mock<DurableTaskClient> MockClient(StatusCode code)
    {
        var refused = new RpcException(new Status(code, "refused as in Azure"));
        var client = new Mock<DurableTaskClient>("hub");
        client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>())).ThrowsAsync(refused);
        client.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>())).ThrowsAsync(refused);
        client.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>())).ThrowsAsync(refused);
        client.Setup(c => c.SuspendInstanceAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ThrowsAsync(refused);
        client.Setup(c => c.ResumeInstanceAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ThrowsAsync(refused);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(refused);
        return client;
    }

    private static Task Run(DurableTaskClient client, ClientOperation operation) => operation switch
    {
        ClientOperation.RaiseEvent => client.RaiseEventAsync("case-x", "AssessmentRecorded", "x"),
        ClientOperation.Terminate => client.TerminateInstanceAsync("case-x", "reason"),
        ClientOperation.Suspend => client.SuspendInstanceAsync("case-x", "reason"),
        ClientOperation.Resume => client.ResumeInstanceAsync("case-x", "reason"),
        ClientOperation.StartAgain => client.ScheduleNewOrchestrationInstanceAsync("CasePipeline", "x", new StartOrchestrationOptions("case-x")),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static async Task<int> AnswerAsync(Func<Task> work)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();

        var result = await new StaffApi().RunAnonymousAsync(http.Request, async _ =>
        {
            await work();
            return Results.Ok();
        });
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        return http.Response.StatusCode;
    }
}

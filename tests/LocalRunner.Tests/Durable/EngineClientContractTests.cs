using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.LocalRunner.Durable;
using PepFunctions.LocalRunner.Tests.Support;
using PepFunctions.Testing;

namespace PepFunctions.LocalRunner.Tests.Durable;

/// <summary>
/// The runner's durable client (<see cref="EngineClient"/>) answers every operation in every state as the Durable
/// Functions client answers the isolated worker in Azure: the cases and their expected answers are
/// <see cref="DurableClientContract"/>, taken from Azure/azure-functions-durable-extension's <c>DurableClient</c> and
/// <c>LocalGrpcListener</c> (see there). The app's tests run the same cases against a mock client.
/// </summary>
public sealed class EngineClientContractTests : IAsyncLifetime
{
    private const string Orchestrator = "ContractWaiter";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);
    private TaskHub? _hub;
    private DurableEngine? _engine;
    private ServiceProvider? _services;

    private DurableTaskClient Client => _engine!.Client;

    public async Task InitializeAsync()
    {
        _hub = await TaskHub.CreateAsync("contract");
        _services = new ServiceCollection().BuildServiceProvider();
        var settings = new DurableSettings { HubName = _hub.Name, PartitionCount = 1, MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250) };
        var waiter = new FunctionDefinition(Orchestrator, typeof(Orchestrations).GetMethod(nameof(Orchestrations.WaitForGo))!,
            [new BindingMetadata { Name = "context", Type = "orchestrationTrigger", Direction = "In" }]);
        _engine = await DurableEngine.StartAsync(settings, _hub.ConnectionString, [waiter], _services, NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        _services?.Dispose();
        if (_hub is not null)
        {
            await _hub.DeleteAsync();
        }
    }

    [Fact]
    public async Task EngineClient_EveryOperationInEveryState_AnswersAsTheDurableFunctionsClient()
    {
        var answers = await Task.WhenAll(DurableClientContract.Cases.Select(async c =>
        {
            var instanceId = await InstanceInAsync(c.State);
            var refusal = await RefusalAsync(c.Operation, instanceId);
            return (c.Operation, c.State, Expected: c.Refusal ?? "accepted", Actual: refusal ?? "accepted");
        }));

        var wrong = answers.Where(a => a.Expected != a.Actual).Select(a => $"{a.Operation} on {a.State}: expected {a.Expected}, got {a.Actual}").ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(DurableClientContract.Cases.Count, answers.Length);
    }

    [Fact]
    public async Task RaiseEventAsync_EndedInstance_ThrowsRpcExceptionNamingTheInstanceAndState()
    {
        var instanceId = await InstanceInAsync(InstanceState.Completed);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.RaiseEventAsync(instanceId, "go", "again"));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains(instanceId, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Completed", refused.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<string?> RefusalAsync(ClientOperation operation, string instanceId)
    {
        try
        {
            await (operation switch
            {
                ClientOperation.RaiseEvent => Client.RaiseEventAsync(instanceId, "unheard", "x"),
                ClientOperation.Terminate => Client.TerminateInstanceAsync(instanceId, "contract"),
                ClientOperation.Suspend => Client.SuspendInstanceAsync(instanceId, "contract"),
                ClientOperation.Resume => Client.ResumeInstanceAsync(instanceId, "contract"),
                ClientOperation.StartAgain => Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "again", new StartOrchestrationOptions(instanceId)),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            });
            return null;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode.ToString();
        }
    }

    private async Task<string> InstanceInAsync(InstanceState state)
    {
        var instanceId = "contract-" + Guid.NewGuid().ToString("N");
        if (state == InstanceState.Missing)
        {
            return instanceId;
        }

        await Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "first", new StartOrchestrationOptions(instanceId));
        await WaitForAsync(instanceId, OrchestrationRuntimeStatus.Running);
        switch (state)
        {
            case InstanceState.Suspended:
                await Client.SuspendInstanceAsync(instanceId, "setup");
                await WaitForAsync(instanceId, OrchestrationRuntimeStatus.Suspended);
                break;
            case InstanceState.Completed:
                await Client.RaiseEventAsync(instanceId, "go", "now");
                await WaitForAsync(instanceId, OrchestrationRuntimeStatus.Completed);
                break;
            case InstanceState.Terminated:
                await Client.TerminateInstanceAsync(instanceId, "setup");
                await WaitForAsync(instanceId, OrchestrationRuntimeStatus.Terminated);
                break;
        }

        return instanceId;
    }

    private async Task WaitForAsync(string instanceId, OrchestrationRuntimeStatus status)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while ((await Client.GetInstanceAsync(instanceId))?.RuntimeStatus != status)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} did not become {status} within {WaitLimit}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The orchestrator the cases run: waits for the event <c>go</c>.</summary>
    public static class Orchestrations
    {
        public static Task<string> WaitForGo(TaskOrchestrationContext context) => context.WaitForExternalEvent<string>("go");
    }
}

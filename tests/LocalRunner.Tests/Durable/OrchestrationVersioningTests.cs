using DurableTask.Core.History;
using DurableTask.Core.Settings;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PepFunctions.LocalRunner.Durable;
using PepFunctions.LocalRunner.Tests.Support;

namespace PepFunctions.LocalRunner.Tests.Durable;

/// <summary>
/// The runner's engine keeps orchestration versions as Durable Functions does: a start without a version gets
/// host.json's <c>defaultVersion</c>, a version given at start or in <c>ContinueAsNew(ContinueAsNewOptions)</c> is kept,
/// and the Durable Task Framework's worker, given the <c>VersioningSettings</c>, refuses (Reject: leaves it for a later
/// worker) or fails (Fail) an instance newer than itself.
/// </summary>
/// <remarks>
/// Expected answers from Azure/durabletask's <c>src/DurableTask.Core/TaskOrchestrationDispatcher.cs</c> (under
/// <c>CurrentOrOlder</c> an instance whose version compares greater than the worker's fails the check; <c>Fail</c>
/// completes it Failed with error type <c>VersionMismatch</c>, anything else abandons the work item) and
/// <c>Settings/VersioningSettings.cs</c> (<c>CompareVersions</c>: an empty version is older than any other).
/// One hub for the class; each test runs its own engines on it, one at a time.
/// </remarks>
public sealed class OrchestrationVersioningTests : IAsyncLifetime
{
    private const string Orchestrator = "VersionEcho";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);
    private TaskHub? _hub;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _hub = await TaskHub.CreateAsync("versions");
        _services = new ServiceCollection().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        _services?.Dispose();
        if (_hub is not null)
        {
            await _hub.DeleteAsync();
        }
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_NoVersionGiven_RunsAtTheDefaultVersion()
    {
        await using var engine = await EngineAsync("1.0", VersioningSettings.VersionFailureStrategy.Reject);
        var instanceId = NewId();

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "echo", new StartOrchestrationOptions(instanceId));
        var done = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("1.0", done.ReadOutputAs<string>());
        var history = await engine.Client.GetOrchestrationHistoryAsync(instanceId);
        Assert.Equal("1.0", Assert.IsType<ExecutionStartedEvent>(history.First(e => e is ExecutionStartedEvent)).Version);
    }

    [Theory]
    [InlineData("continue", "0.5")]
    [InlineData("continue:1.0", "1.0")]
    public async Task ContinueAsNew_WithOrWithoutNewVersion_KeepsTheGivenVersion(string input, string expected)
    {
        await using var engine = await EngineAsync("1.0", VersioningSettings.VersionFailureStrategy.Reject);
        var instanceId = NewId();

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, input, new StartOrchestrationOptions(instanceId) { Version = "0.5" });
        var done = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(expected, done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Worker_NewerInstanceUnderReject_LeavesItPendingForANewerWorker()
    {
        var newer = NewId();
        await using (var old = await EngineAsync("1.0", VersioningSettings.VersionFailureStrategy.Reject))
        {
            await old.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "echo", new StartOrchestrationOptions(newer) { Version = "2.0" });
            // Started after the newer one on the same single control queue: once it is done, the worker has seen the newer one.
            var current = NewId();
            await old.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "echo", new StartOrchestrationOptions(current));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await old.Client.WaitForInstanceCompletionAsync(current, cancellation: Timeout())).RuntimeStatus);

            Assert.Equal(OrchestrationRuntimeStatus.Pending, (await old.Client.GetInstanceAsync(newer))?.RuntimeStatus);
        }

        await using var upgraded = await EngineAsync("2.0", VersioningSettings.VersionFailureStrategy.Reject);
        var done = await upgraded.Client.WaitForInstanceCompletionAsync(newer, getInputsAndOutputs: true, Timeout());
        Assert.Equal("2.0", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Worker_NewerInstanceUnderFail_FailsItAsVersionMismatch()
    {
        await using var engine = await EngineAsync("1.0", VersioningSettings.VersionFailureStrategy.Fail);
        var instanceId = NewId();

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "echo", new StartOrchestrationOptions(instanceId) { Version = "2.0" });
        var done = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        // The Azure Storage provider keeps the failure as the output ("type: message"), not as failure details.
        Assert.StartsWith("VersionMismatch:", done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_UnversionedWorkerAndVersionedInstance_RefusesIt()
    {
        await using var engine = await EngineAsync(null, VersioningSettings.VersionFailureStrategy.Reject);
        var versioned = NewId();
        var unversioned = NewId();

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "echo", new StartOrchestrationOptions(versioned) { Version = "1.0" });
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, "echo", new StartOrchestrationOptions(unversioned));
        var done = await engine.Client.WaitForInstanceCompletionAsync(unversioned, getInputsAndOutputs: true, Timeout());

        Assert.Equal("", done.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.Client.GetInstanceAsync(versioned))?.RuntimeStatus);
    }

    private static string NewId() => "versions-" + Guid.NewGuid().ToString("N");

    private static CancellationToken Timeout() => new CancellationTokenSource(WaitLimit).Token;

    private async Task<DurableEngine> EngineAsync(string? version, VersioningSettings.VersionFailureStrategy failure)
    {
        var settings = new DurableSettings
        {
            HubName = _hub!.Name,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250),
            DefaultVersion = version,
            VersionFailureStrategy = failure,
        };
        var echo = new FunctionDefinition(Orchestrator, typeof(Orchestrations).GetMethod(nameof(Orchestrations.EchoVersion))!,
            [new BindingMetadata { Name = "context", Type = "orchestrationTrigger", Direction = "In" }]);
        return await DurableEngine.StartAsync(settings, _hub.ConnectionString, [echo], _services!, NullLoggerFactory.Instance);
    }

    /// <summary>The orchestrator the tests run.</summary>
    public static class Orchestrations
    {
        /// <summary>
        /// Returns the instance's version; with input <c>continue</c> or <c>continue:V</c> it first continues as new
        /// (at version V when given).
        /// </summary>
        public static Task<string> EchoVersion(TaskOrchestrationContext context)
        {
            var input = context.GetInput<string>() ?? "";
            if (input.StartsWith("continue", StringComparison.Ordinal))
            {
                var version = input.Split(':') is [_, var v] ? v : null;
                context.ContinueAsNew(new ContinueAsNewOptions { NewInput = "echo", NewVersion = version });
                return Task.FromResult("");
            }

            return Task.FromResult(context.Version);
        }
    }
}

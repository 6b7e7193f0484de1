using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class SubOrchestrationTests
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddActivity<int, int>("Double", (_, x) => Task.FromResult(x * 2))
        .AddOrchestrator<int, int>("Child", async (ctx, x) => await ctx.CallActivityAsync<int>("Double", x))
        .AddOrchestrator<string, int>("FailingChild", (_, reason) => throw new InvalidOperationException(reason))
        .AddOrchestrator<int, int>("Parent", async (ctx, x) => await ctx.CallSubOrchestratorAsync<int>("Child", x) + 1)
        .AddOrchestrator<string?, string>("AwaitGo", (ctx, _) => ctx.WaitForExternalEvent<string>("Go"))
        .AddOrchestrator<string, string>("ParentOfNamedChild", async (ctx, childId) =>
        {
            try
            {
                return await ctx.CallSubOrchestratorAsync<string>("AwaitGo", null, new SubOrchestrationOptions { InstanceId = childId });
            }
            catch (TaskFailedException ex)
            {
                return ex.FailureDetails.ErrorType;
            }
        })
        .AddOrchestrator<string, string>("ParentOfFailing", async (ctx, reason) =>
        {
            try
            {
                await ctx.CallSubOrchestratorAsync<int>("FailingChild", reason);
                return "no failure";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.TaskName} failed: {ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
            }
        });

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildCompletes_ParentGetsItsResult()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("Parent", 20);

        Assert.Equal(41, (await hub.WaitAsync(id)).ReadOutputAs<int>());
        var child = Assert.Single((await hub.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = id + ":", FetchPayloads = true })).Items);
        Assert.Equal(("Child", OrchestrationStatus.Completed, 40), (child.Name, child.Status, child.ReadOutputAs<int>()));
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentSeesTaskFailedExceptionWithTheChildsError()
    {
        await using var hub = await TestHub.StartAsync(Register);

        var id = await hub.Client.StartNewAsync("ParentOfFailing", "ledger locked");

        var done = await hub.WaitAsync(id);
        Assert.Equal("FailingChild failed: System.InvalidOperationException: ledger locked", done.ReadOutputAs<string>());
        var child = Assert.Single((await hub.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = id + ":" })).Items);
        Assert.Equal(OrchestrationStatus.Failed, child.Status);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildIdAlreadyInUse_ParentSeesInstanceAlreadyExistsAndTheOtherInstanceIsUntouched()
    {
        await using var hub = await TestHub.StartAsync(Register);
        await hub.Client.StartNewAsync("AwaitGo", null, new StartOrchestrationOptions { InstanceId = "taken" });
        var before = await hub.WaitUntilAsync("taken", i => i.Status == OrchestrationStatus.Running);

        var parent = await hub.Client.StartNewAsync("ParentOfNamedChild", "taken");

        Assert.Equal(typeof(InstanceAlreadyExistsException).FullName, (await hub.WaitAsync(parent)).ReadOutputAs<string>());
        var after = await hub.Client.GetInstanceAsync("taken");
        Assert.Equal((OrchestrationStatus.Running, before.ExecutionId), (after?.Status, after?.ExecutionId));
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_NamedChildCompletes_ParentGetsItsResult()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var parent = await hub.Client.StartNewAsync("ParentOfNamedChild", "named-child");
        await hub.WaitUntilAsync("named-child", i => i.Status == OrchestrationStatus.Running);

        await hub.Client.RaiseEventAsync("named-child", "Go", "went");

        Assert.Equal("went", (await hub.WaitAsync(parent)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildTerminated_ParentSeesTaskFailedException()
    {
        await using var hub = await TestHub.StartAsync(Register);
        var parent = await hub.Client.StartNewAsync("ParentOfNamedChild", "doomed-child");
        await hub.WaitUntilAsync("doomed-child", i => i.Status == OrchestrationStatus.Running);

        await hub.Client.TerminateAsync("doomed-child", "no longer needed");

        Assert.Equal("Terminated", (await hub.WaitAsync(parent)).ReadOutputAs<string>());
    }
}

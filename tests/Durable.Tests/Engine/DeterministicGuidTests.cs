using System.Security.Cryptography;
using System.Text;
using PepFunctions.Durable.Engine;
using PepFunctions.Durable.Tests.Support;

namespace PepFunctions.Durable.Tests.Engine;

public sealed class DeterministicGuidTests
{
    [Fact]
    public void Create_SameName_SameGuid() =>
        Assert.Equal(DeterministicGuid.Create("order-7/exec/2025-03-01T08:00:00/0"), DeterministicGuid.Create("order-7/exec/2025-03-01T08:00:00/0"));

    [Fact]
    public void Create_NamesDifferingInCounter_Differ() =>
        Assert.NotEqual(DeterministicGuid.Create("order-7/exec/2025-03-01T08:00:00/0"), DeterministicGuid.Create("order-7/exec/2025-03-01T08:00:00/1"));

    [Theory]
    [InlineData("")]
    [InlineData("order-7/exec/2025-03-01T08:00:00/0")]
    [InlineData("ünïcødé")]
    public void Create_AnyName_HasVersion5AndRfcVariantBits(string name)
    {
        var text = DeterministicGuid.Create(name).ToString();

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Create_Name_MatchesRfc9562Version5OverTheRuntimesNamespace()
    {
        // Computed independently: SHA-1 over the namespace's bytes in network order, then the name in UTF-8.
        var input = Convert.FromHexString("6f2a4d2c4b434e8e9a535c0b1a9e7d11").Concat(Encoding.UTF8.GetBytes("hello")).ToArray();
#pragma warning disable CA5350 // Version 5 UUIDs are defined with SHA-1.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        var expected = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";

        Assert.Equal(expected, DeterministicGuid.Create("hello").ToString());
    }

    [Fact]
    public void NewGuid_TwoRunsOfTheSameHistory_GiveTheSameGuids()
    {
        static EngineHarness Run()
        {
            var harness = new EngineHarness(Orchestrator.Of<string?, Guid[]>((ctx, _) => Task.FromResult(new[] { ctx.NewGuid(), ctx.NewGuid() })));
            harness.Start();
            return harness;
        }

        var first = Run().Output<Guid[]>();
        var second = Run().Output<Guid[]>();

        Assert.Equal(first, second);
        Assert.NotEqual(first[0], first[1]);
    }

    [Fact]
    public void NewGuid_ReplayedInALaterStep_SameGuidAsWhenFirstMade()
    {
        var harness = new EngineHarness(Orchestrator.Of<string?, Guid>(async (ctx, _) =>
        {
            var id = ctx.NewGuid();
            await ctx.CallActivityAsync("Use", id);
            return id;
        }));
        harness.Start();
        var madeInFirstStep = JsonDataConverter.Default.Deserialize<Guid>(Assert.IsType<TaskScheduled>(Assert.Single(harness.NewSteps)).Input);

        harness.Now = EngineHarness.T0.AddMinutes(1);
        harness.Step(harness.Completed(0, null));

        Assert.Equal(madeInFirstStep, harness.Output<Guid>());
    }

    [Fact]
    public void NewGuid_DifferentInstances_Differ()
    {
        var body = Orchestrator.Of<string?, Guid>((ctx, _) => Task.FromResult(ctx.NewGuid()));
        Guid For(string instanceId)
        {
            var run = new OrchestrationRun(instanceId, body, JsonDataConverter.Default, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            run.Replay([], null);
            run.Apply(new OrchestratorStarted(EngineHarness.T0));
            run.Apply(new ExecutionStarted(EngineHarness.T0, "Test", "", EngineHarness.ExecutionId, null));
            return JsonDataConverter.Default.Deserialize<Guid>(run.Outcome?.Output);
        }

        Assert.NotEqual(For("order-1"), For("order-2"));
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace PepFunctions.Durable.Tests.Worker;

public sealed class DurableTaskRegistryTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public void AddOrchestrator_NoName_RegistersUnderTheClassName()
    {
        var registry = new DurableTaskRegistry().AddOrchestrator<Greet>();

        Assert.True(registry.HasOrchestrator(nameof(Greet)));
        Assert.IsType<Greet>(registry.CreateOrchestrator(Services, nameof(Greet), ""));
    }

    [Fact]
    public void AddActivity_NoName_RegistersUnderTheClassName()
    {
        var registry = new DurableTaskRegistry().AddActivity<Shout>();

        Assert.IsType<Shout>(registry.CreateActivity(Services, nameof(Shout)));
        Assert.Null(registry.CreateActivity(Services, "shout"));
    }

    [Fact]
    public void AddOrchestrator_TwoVersions_LatestIsTheDefaultAndBothCanBeCreated()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestrator<string, string>("Greet", (_, s) => Task.FromResult("v1 " + s), "v1")
            .AddOrchestrator<string, string>("Greet", (_, s) => Task.FromResult("v2 " + s), "v2");

        Assert.Equal("v2", registry.DefaultVersion("Greet"));
        Assert.NotNull(registry.CreateOrchestrator(Services, "Greet", "v1"));
        Assert.NotNull(registry.CreateOrchestrator(Services, "Greet", "v2"));
        Assert.Null(registry.CreateOrchestrator(Services, "Greet", "v3"));
    }

    [Fact]
    public void AddOrchestrator_SameNameAndVersionTwice_ThrowsNamingThem()
    {
        var registry = new DurableTaskRegistry().AddOrchestrator<string, string>("Greet", (_, s) => Task.FromResult(s), "v1");

        var ex = Assert.Throws<ArgumentException>(() => registry.AddOrchestrator<string, string>("Greet", (_, s) => Task.FromResult(s), "v1"));

        Assert.Contains("'Greet' version 'v1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddActivity_SameNameTwice_Throws()
    {
        var registry = new DurableTaskRegistry().AddActivity<string, string>("Shout", (_, s) => Task.FromResult(s));

        Assert.Throws<ArgumentException>(() => registry.AddActivity<string, string>("Shout", (_, s) => Task.FromResult(s)));
    }

    [Fact]
    public void HasOrchestrator_UnknownName_FalseAndDefaultVersionEmpty()
    {
        var registry = new DurableTaskRegistry();

        Assert.False(registry.HasOrchestrator("Nope"));
        Assert.Equal("", registry.DefaultVersion("Nope"));
    }

    private sealed class Greet : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => Task.FromResult("hi " + input);
    }

    private sealed class Shout : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input.ToUpperInvariant());
    }
}

namespace PepFunctions.Infra.Tests;

/// <summary>infra/main.bicep compiled once for all the tests that read the ARM JSON.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private ArmTemplate? _main;

    internal ArmTemplate Main => _main ?? throw new InvalidOperationException("The template has not been compiled yet.");

    /// <summary>What <c>bicep build</c> printed while compiling <see cref="Main"/>.</summary>
    internal BicepResult? BuildResult { get; private set; }

    public async Task InitializeAsync()
    {
        var directory = Directory.CreateTempSubdirectory("pep-infra-");
        try
        {
            var output = Path.Combine(directory.FullName, "main.json");
            var result = await BicepCli.RunAsync("build", InfraPaths.MainTemplate, "--outfile", output);
            BuildResult = result;
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"bicep build failed:\n{result.StandardError}");
            }

            _main = ArmTemplate.Parse(await File.ReadAllTextAsync(output));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled template";
}

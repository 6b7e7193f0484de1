using System.Text.Json.Nodes;

namespace PepFunctions.Infra.Tests;

/// <summary>The templates compile and pass the linter (infra/bicepconfig.json) with no warning at all.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepCompilerTests(CompiledTemplate compiled)
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        var result = compiled.BuildResult!;

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("deploymentTemplate.json", compiled.Main.Root.Text("$schema"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainTemplate_ReportsNoWarnings()
    {
        var result = await BicepCli.RunAsync("lint", InfraPaths.MainTemplate);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Lint_ExampleParameters_ReportsNoWarnings()
    {
        var result = await BicepCli.RunAsync("lint", InfraPaths.MainParameters);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Lint_TemplateWithUnusedParameter_ReportsTheWarning()
    {
        // Proves the two tests above would see a warning: the same run on a file that has one.
        var directory = Directory.CreateTempSubdirectory("pep-infra-lint-");
        try
        {
            var file = Path.Combine(directory.FullName, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var result = await BicepCli.RunAsync("lint", file);

            var warning = Assert.Single(result.Diagnostics);
            Assert.Contains("Warning no-unused-params", warning, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Config_Linter_TurnsOnRulesThatAreOffByDefault()
    {
        var config = JsonNode.Parse(
            await File.ReadAllTextAsync(Path.Combine(InfraPaths.InfraDirectory, "bicepconfig.json")),
            documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var rules = config.At("analyzers", "core", "rules");

        Assert.True(config.At("analyzers", "core", "enabled").GetValue<bool>());
        foreach (var rule in new[] { "no-hardcoded-location", "use-user-defined-types", "what-if-short-circuiting" })
        {
            Assert.Equal("warning", rules.Text(rule, "level"));
        }
    }
}

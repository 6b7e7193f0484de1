using System.Text.Json.Nodes;

namespace PepFunctions.Infra.Tests;

/// <summary>main.bicepparam: example values that compile and give every required parameter a value.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ParametersTests(CompiledTemplate compiled)
{
    private static readonly Lazy<Task<BicepResult>> BuildParams =
        new(() => BicepCli.RunAsync("build-params", InfraPaths.MainParameters, "--stdout"));

    [Fact]
    public async Task BuildParams_ExampleParameters_SetEveryParameterWithoutDefault()
    {
        var result = await BuildParams.Value;

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
        var parameters = Parameters(result);
        var required = compiled.Main.Root.At("parameters").AsObject()
            .Where(parameter => parameter.Value!["defaultValue"] is null)
            .Select(parameter => parameter.Key)
            .ToList();
        Assert.Contains("authClientId", required);
        Assert.All(required, name => Assert.NotNull(parameters[name]?["value"]));
    }

    [Fact]
    public async Task BuildParams_ExampleParameters_UseFlexRegionGuidsAndNoWrittenPassword()
    {
        var parameters = Parameters(await BuildParams.Value);
        Assert.Equal("southeastasia", parameters.Text("location", "value"));
        Assert.True(Guid.TryParse(parameters.Text("authTenantId", "value"), out _));
        Assert.True(Guid.TryParse(parameters.Text("authClientId", "value"), out _));
        Assert.Equal(Environment.GetEnvironmentVariable("PEP_SMTP_PASSWORD") ?? "", parameters.Text("smtpPassword", "value"));
    }

    private static JsonNode Parameters(BicepResult result) =>
        JsonNode.Parse(JsonNode.Parse(result.StandardOutput)!.Text("parametersJson"))!.At("parameters");
}

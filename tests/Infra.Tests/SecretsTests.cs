namespace PepFunctions.Infra.Tests;

/// <summary>No account key, SAS or key-based connection string anywhere in the compiled template.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class SecretsTests(CompiledTemplate compiled)
{
    [Theory]
    [InlineData("AccountKey")]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("SharedAccessSignature")]
    [InlineData("DefaultEndpointsProtocol")]
    public void Template_Everywhere_HasNoKeyMaterial(string marker)
    {
        Assert.DoesNotContain(marker, compiled.Main.Root.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Outputs_Main_AreNamesAndIdsOnly()
    {
        var outputs = compiled.Main.Outputs;

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs.Select(output => output.Key));
        Assert.All(outputs, output =>
        {
            var json = output.Value!.ToJsonString();
            Assert.Equal("string", output.Value.Text("type"));
            Assert.DoesNotContain("ConnectionString", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secure", json, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Outputs_Modules_HaveNoKeysOrSecureValues()
    {
        var outputs = compiled.Main.AllTemplates().SelectMany(template => template.Outputs).ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            // A Key Vault's name or URI is no key (other modules add their secrets by the vault's name).
            var name = output.Key.Replace("keyVault", "", StringComparison.OrdinalIgnoreCase).Replace("KEY_VAULT", "", StringComparison.Ordinal);
            Assert.DoesNotContain("Key", name, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("securestring", output.Value!.Text("type"));
        });
    }
}

namespace PepFunctions.Infra.Tests;

/// <summary>The app's secrets live in a Key Vault with RBAC only; the app's identity reads them, the case id key is a secret there.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class KeyVaultTests(CompiledTemplate compiled)
{
    private ArmTemplate KeyVault => compiled.Main.Module("keyVault");

    [Fact]
    public void Vault_Access_IsRbacOnlyWithPurgeProtection()
    {
        var vault = KeyVault.ResourceOfType("Microsoft.KeyVault/vaults").At("properties");

        Assert.True(vault.At("enableRbacAuthorization").GetValue<bool>());
        Assert.True(vault.At("enablePurgeProtection").GetValue<bool>());
        Assert.Null(vault["accessPolicies"]);
    }

    [Fact]
    public void CaseIdKey_SecureParameter_IsStoredAsASecretAndNeverAnOutput()
    {
        var secret = KeyVault.ResourceOfType("Microsoft.KeyVault/vaults/secrets");

        Assert.Equal("[parameters('caseIdKey')]", secret.Text("properties", "value"));
        Assert.Equal("securestring", KeyVault.Parameter("caseIdKey").Text("type"));
        Assert.Equal("[parameters('caseIdKey')]", compiled.Main.ModuleArgument("keyVault", "caseIdKey"));
        Assert.DoesNotContain(KeyVault.Outputs, output => output.Value!.ToJsonString().Contains("caseIdKey')]", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleAssignments_AppIdentity_ReadsSecretsAndCertificatesOnly()
    {
        var assignments = KeyVault.ResourceOfType("Microsoft.Authorization/roleAssignments");

        Assert.Equal("[parameters('principalId')]", assignments.Text("properties", "principalId"));
        Assert.Equal("[reference('identity').principalId]", compiled.Main.ModuleArgument("keyVault", "principalId"));
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", KeyVault.Root.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("roleDefinitions", assignments.Text("properties", "roleDefinitionId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_KeyVaultName_IsThereForOtherModulesSecrets()
    {
        Assert.Equal("string", KeyVault.Outputs["keyVaultName"]!.Text("type"));
        Assert.True(compiled.Main.Outputs.ContainsKey("AZURE_KEY_VAULT_NAME"));
    }
}

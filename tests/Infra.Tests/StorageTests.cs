namespace PepFunctions.Infra.Tests;

/// <summary>modules/storage.bicep: one account, reachable only with Entra ID, and the roles Durable Functions needs.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageTests(CompiledTemplate compiled)
{
    private ArmTemplate Storage => compiled.Main.Module("storage");

    [Fact]
    public void StorageAccount_Security_NoSharedKeyNoPublicBlobsTls12()
    {
        var properties = Storage.ResourceOfType("Microsoft.Storage/storageAccounts").At("properties");

        Assert.False(properties.At("allowSharedKeyAccess").GetValue<bool>());
        Assert.False(properties.At("allowBlobPublicAccess").GetValue<bool>());
        Assert.True(properties.At("defaultToOAuthAuthentication").GetValue<bool>());
        Assert.True(properties.At("supportsHttpsTrafficOnly").GetValue<bool>());
        Assert.Equal("TLS1_2", properties.Text("minimumTlsVersion"));
    }

    [Fact]
    public void DeploymentContainer_Access_IsPrivateAndUsedByTheApp()
    {
        var container = Storage.ResourceOfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", container.Text("properties", "publicAccess"));
        Assert.Equal("[reference('storage').outputs.deploymentContainerUrl.value]",
            compiled.Main.ModuleArgument("functionApp", "deploymentContainerUrl"));
    }

    [Fact]
    public void RoleAssignments_Identity_GetBlobQueueAndTableDataRoles()
    {
        var roles = Storage.Variable("roles").AsObject().Select(role => role.Value!.GetValue<string>()).ToList();
        var assignment = Storage.ResourceOfType("Microsoft.Authorization/roleAssignments");

        Assert.Equal(
            [
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            ],
            roles);
        Assert.Equal("[length(items(variables('roles')))]", assignment.Text("copy", "count"));
        Assert.Equal("[parameters('principalId')]", assignment.Text("properties", "principalId"));
        Assert.Equal("ServicePrincipal", assignment.Text("properties", "principalType"));
        Assert.Equal("[reference('identity').principalId]", compiled.Main.ModuleArgument("storage", "principalId"));
    }
}

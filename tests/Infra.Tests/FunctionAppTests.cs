namespace PepFunctions.Infra.Tests;

/// <summary>modules/function-app.bicep: a Flex Consumption Linux app on .NET 10 isolated, HTTPS only, no FTP.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTests(CompiledTemplate compiled)
{
    private ArmTemplate FunctionApp => compiled.Main.Module("functionApp");

    private System.Text.Json.Nodes.JsonObject Site => FunctionApp.ResourceOfType("Microsoft.Web/sites");

    [Fact]
    public void Plan_Sku_IsFlexConsumptionOnLinux()
    {
        var plan = FunctionApp.ResourceOfType("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Text("sku", "name"));
        Assert.Equal("FlexConsumption", plan.Text("sku", "tier"));
        Assert.True(plan.At("properties", "reserved").GetValue<bool>());
        Assert.Equal("functionapp,linux", Site.Text("kind"));
    }

    [Fact]
    public void Site_Transport_HttpsOnlyTls12AndFtpDisabled()
    {
        Assert.True(Site.At("properties", "httpsOnly").GetValue<bool>());
        Assert.Equal("1.2", Site.Text("properties", "siteConfig", "minTlsVersion"));
        Assert.Equal("Disabled", Site.Text("properties", "siteConfig", "ftpsState"));
    }

    [Fact]
    public void PublishingCredentials_FtpAndScm_AreNotAllowed()
    {
        var policies = FunctionApp.Resources.Values
            .Where(resource => resource.Text("type") == "Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(policy => PolicyName(policy.Text("name")), policy => policy.At("properties", "allow").GetValue<bool>());

        Assert.Equal(new Dictionary<string, bool> { ["ftp"] = false, ["scm"] = false }, policies);
    }

    // "[format('{0}/{1}', parameters('name'), 'ftp')]" -> "ftp"
    private static string PolicyName(string name) => name.Split('\'')[^2];

    [Fact]
    public void Runtime_Default_IsDotnetIsolated10()
    {
        var runtime = Site.At("properties", "functionAppConfig", "runtime");

        Assert.Equal("dotnet-isolated", runtime.Text("name"));
        Assert.Equal("[parameters('dotnetVersion')]", runtime.Text("version"));
        Assert.Equal("[parameters('dotnetVersion')]", compiled.Main.ModuleArgument("functionApp", "dotnetVersion"));
        Assert.Equal("10.0", compiled.Main.DefaultOf("dotnetVersion"));
    }

    [Fact]
    public void Identity_Site_IsOnlyTheUserAssignedIdentity()
    {
        Assert.Equal("UserAssigned", Site.Text("identity", "type"));
        Assert.Equal(
            "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('names').identity)]",
            compiled.Main.ModuleArgument("functionApp", "identityId"));
    }

    [Fact]
    public void DeploymentStorage_Authentication_UsesTheUserAssignedIdentity()
    {
        var storage = Site.At("properties", "functionAppConfig", "deployment", "storage");

        Assert.Equal("blobContainer", storage.Text("type"));
        Assert.Equal("UserAssignedIdentity", storage.Text("authentication", "type"));
        Assert.Equal("[parameters('identityId')]", storage.Text("authentication", "userAssignedIdentityResourceId"));
        Assert.Null(storage["authentication"]!["storageAccountConnectionStringName"]);
    }

    [Fact]
    public void Scale_Defaults_OneDurableInstanceReady2GbInstancesAtMost40()
    {
        var scale = Site.At("properties", "functionAppConfig", "scaleAndConcurrency");
        var alwaysReady = compiled.Main.Variable("alwaysReady").ToString();

        Assert.Equal("[parameters('alwaysReady')]", scale.Text("alwaysReady"));
        Assert.Contains("createObject('name', 'durable', 'instanceCount', parameters('alwaysReadyDurableInstances'))", alwaysReady, StringComparison.Ordinal);
        Assert.Equal("1", compiled.Main.DefaultOf("alwaysReadyDurableInstances"));
        Assert.Equal("0", compiled.Main.DefaultOf("alwaysReadyHttpInstances"));
        Assert.Equal("2048", compiled.Main.DefaultOf("instanceMemoryMB"));
        Assert.Equal("40", compiled.Main.DefaultOf("maximumInstanceCount"));
    }
}

using System.Text.Json.Nodes;

namespace PepFunctions.Infra.Tests;

/// <summary>App Service authentication (authsettingsV2) with Entra ID in front of everything but /api/health and the public catalogue.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AuthenticationTests(CompiledTemplate compiled)
{
    private ArmTemplate FunctionApp => compiled.Main.Module("functionApp");

    private JsonNode AuthSettings =>
        FunctionApp.Resources.Values.Single(resource =>
            resource.Text("type") == "Microsoft.Web/sites/config" && resource.Text("name").Contains("authsettingsV2", StringComparison.Ordinal))
        .At("properties");

    [Fact]
    public void GlobalValidation_Unauthenticated_RedirectsToEntraIdSignIn()
    {
        var validation = AuthSettings.At("globalValidation");

        Assert.True(AuthSettings.At("platform", "enabled").GetValue<bool>());
        Assert.True(validation.At("requireAuthentication").GetValue<bool>());
        Assert.Equal("RedirectToLoginPage", validation.Text("unauthenticatedClientAction"));
        Assert.Equal("azureactivedirectory", validation.Text("redirectToProvider"));
        Assert.True(AuthSettings.At("httpSettings", "requireHttps").GetValue<bool>());
    }

    [Fact]
    public void ExcludedPaths_Default_AreExactlyTheHealthEndpointAndThePublicCatalogue()
    {
        Assert.Equal("[parameters('anonymousPaths')]", AuthSettings.Text("globalValidation", "excludedPaths"));
        Assert.Equal(
            ["/api/health", "/katalog", "/api/catalogue", "/api/catalogue/*", "/css/site.css"],
            FunctionApp.Parameter("anonymousPaths").At("defaultValue").AsArray().Select(path => path!.GetValue<string>()));
        Assert.Null(compiled.Main.Resource("functionApp").At("properties", "parameters")["anonymousPaths"]);
    }

    [Theory]
    [InlineData("/katalog")]
    [InlineData("/api/catalogue")]
    [InlineData("/api/catalogue/{productId}/photo")]
    [InlineData("/api/health")]
    public void ExcludedPaths_EachPublicRoute_IsCovered(string route)
    {
        var excluded = FunctionApp.Parameter("anonymousPaths").At("defaultValue").AsArray().Select(path => path!.GetValue<string>()).ToList();

        Assert.Contains(excluded, path => path == route || (path.EndsWith("/*", StringComparison.Ordinal) && route.StartsWith(path[..^1], StringComparison.Ordinal)));
    }

    [Fact]
    public void EntraId_Registration_UsesTenantAndClientParametersAndNoSecret()
    {
        var provider = AuthSettings.At("identityProviders", "azureActiveDirectory");

        Assert.True(provider.At("enabled").GetValue<bool>());
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('authTenantId'))]",
            provider.Text("registration", "openIdIssuer"));
        Assert.Equal("[parameters('authClientId')]", provider.Text("registration", "clientId"));
        // The client "secret" is the managed identity's federated credential, named by this app setting.
        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", provider.Text("registration", "clientSecretSettingName"));
        Assert.Equal("[parameters('identityClientId')]",
            FunctionApp.Variable("platformSettings").Text("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"));
        Assert.Null(compiled.Main.Parameter("authTenantId")["defaultValue"]);
        Assert.Null(compiled.Main.Parameter("authClientId")["defaultValue"]);
    }
}

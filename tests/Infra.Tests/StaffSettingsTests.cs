using System.Text.Json.Nodes;

namespace PepFunctions.Infra.Tests;

/// <summary>
/// Staff sign-in as deployed: the first administrators come from a required parameter, the platform's header is trusted
/// (App Service authentication is on), and the demo accounts are off, which the app also insists on in Azure.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StaffSettingsTests(CompiledTemplate compiled)
{
    private JsonObject ProgrammeSettings => compiled.Main.Variable("programmeSettings").AsObject();

    [Fact]
    public void ProgrammeSettings_TenantId_IsTheSignInTenant()
    {
        Assert.Equal("[parameters('authTenantId')]", ProgrammeSettings.Text("Staff__TenantId"));
    }

    [Fact]
    public void ProgrammeSettings_MailDomain_IsTheRecipientDomain()
    {
        Assert.Equal("[parameters('smtpRecipientDomain')]", ProgrammeSettings.Text("Staff__MailDomain"));
    }

    [Fact]
    public void ProgrammeSettings_BootstrapAdministrators_ComeFromARequiredParameter()
    {
        Assert.Equal("[parameters('bootstrapAdministrators')]", ProgrammeSettings.Text("Staff__BootstrapAdministrators"));
        var parameter = compiled.Main.Parameter("bootstrapAdministrators");
        Assert.Equal("string", parameter.Text("type"));
        Assert.Null(parameter["defaultValue"]);
        Assert.Equal(3, parameter["minLength"]!.GetValue<int>());
    }

    [Fact]
    public void ProgrammeSettings_SignIn_IsThePlatformsWithoutDemoAccounts()
    {
        Assert.Equal(("false", "true"), (ProgrammeSettings.Text("Staff__DemoAccounts"), ProgrammeSettings.Text("Staff__TrustPlatformHeaders")));
        Assert.Equal("false", ProgrammeSettings.Text("Demo__Seed"));
    }
}

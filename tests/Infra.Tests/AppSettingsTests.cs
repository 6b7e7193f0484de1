using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PepFunctions.Infra.Tests;

/// <summary>
/// The function app's settings: identity-based storage, Application Insights with Entra ID, the programme's
/// production defaults, and no demo. Platform settings come last in the union, so a programme setting can
/// never replace them.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class AppSettingsTests(CompiledTemplate compiled)
{
    private ArmTemplate FunctionApp => compiled.Main.Module("functionApp");

    private JsonObject PlatformSettings => FunctionApp.Variable("platformSettings").AsObject();

    private JsonObject ProgrammeSettings => compiled.Main.Variable("programmeSettings").AsObject();

    [Fact]
    public void Site_AppSettings_ArePlatformSettingsOverProgrammeSettings()
    {
        var site = FunctionApp.ResourceOfType("Microsoft.Web/sites");

        Assert.StartsWith("[map(items(variables('appSettings'))", site.Text("properties", "siteConfig", "appSettings"), StringComparison.Ordinal);
        Assert.Equal(
            "[union(parameters('programmeSettings'), variables('smtpPasswordSetting'), variables('platformSettings'))]",
            FunctionApp.Variable("appSettings").ToString());
        Assert.Equal("[variables('programmeSettings')]", compiled.Main.ModuleArgument("functionApp", "programmeSettings"));
    }

    [Fact]
    public void PlatformSettings_CaseIdKey_IsAKeyVaultReferenceResolvedWithTheAppsIdentity()
    {
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('caseIdSecretUri'))]", PlatformSettings.Text("Privacy__CaseIdKey"));
        Assert.Equal("[reference('keyVault').outputs.caseIdSecretUri.value]", compiled.Main.ModuleArgument("functionApp", "caseIdSecretUri"));
        Assert.Equal("[parameters('identityId')]", FunctionApp.ResourceOfType("Microsoft.Web/sites").Text("properties", "keyVaultReferenceIdentity"));
        Assert.Equal("securestring", compiled.Main.Parameter("caseIdKey").Text("type"));
        Assert.Null(FunctionApp.Root["parameters"]?["caseIdKey"]);
    }

    [Fact]
    public void PlatformSettings_DataProtection_NamesTheVaultAndItsCertificate()
    {
        Assert.Equal("[parameters('keyVaultUri')]", PlatformSettings.Text("DataProtection__KeyVaultUri"));
        Assert.Equal("[parameters('dataProtectionCertificateName')]", PlatformSettings.Text("DataProtection__CertificateName"));
    }

    [Fact]
    public void PlatformSettings_HostStorage_IsIdentityBased()
    {
        Assert.Equal("[parameters('storageAccountName')]", PlatformSettings.Text("AzureWebJobsStorage__accountName"));
        Assert.Equal("managedidentity", PlatformSettings.Text("AzureWebJobsStorage__credential"));
        Assert.Equal("[parameters('identityClientId')]", PlatformSettings.Text("AzureWebJobsStorage__clientId"));
        Assert.Equal("[reference('identity').clientId]", compiled.Main.ModuleArgument("functionApp", "identityClientId"));
        Assert.Equal("[variables('names').storage]", compiled.Main.ModuleArgument("functionApp", "storageAccountName"));
    }

    [Fact]
    public void Settings_ConnectionStringSettings_AreAbsent()
    {
        // Flex Consumption rejects the first four; the rest would be key-based connections.
        string[] forbidden =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
            "AzureWebJobsStorage", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "DEPLOYMENT_STORAGE_CONNECTION_STRING",
        ];
        var names = PlatformSettings.Select(setting => setting.Key).Concat(ProgrammeSettings.Select(setting => setting.Key)).ToList();

        Assert.Contains("AzureWebJobsStorage__accountName", names);
        Assert.Empty(names.Intersect(forbidden));
    }

    [Fact]
    public void PlatformSettings_ApplicationInsights_AreWiredWithEntraId()
    {
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", PlatformSettings.Text("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Equal(
            "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            PlatformSettings.Text("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        Assert.Equal(
            "[reference('monitoring').outputs.applicationInsightsConnectionString.value]",
            compiled.Main.ModuleArgument("functionApp", "applicationInsightsConnectionString"));
    }

    [Fact]
    public void PlatformSettings_TaskHub_DefaultsToPepHub()
    {
        Assert.Equal("[parameters('taskHubName')]", PlatformSettings.Text("TaskHubName"));
        Assert.Equal("PepHub", compiled.Main.DefaultOf("taskHubName"));
    }

    [Fact]
    public void ProgrammeSettings_Demo_IsOffAndPlatformSignInTrusted()
    {
        Assert.Equal("false", ProgrammeSettings.Text("Staff__DemoAccounts"));
        Assert.Equal("false", ProgrammeSettings.Text("Demo__Seed"));
        Assert.Equal("true", ProgrammeSettings.Text("Staff__TrustPlatformHeaders"));
    }

    [Theory]
    [InlineData("Pipeline__AssessmentDeadline", "14.00:00:00")]
    [InlineData("Pipeline__FollowUpInterval", "30.00:00:00")]
    [InlineData("Pipeline__FollowUpCount", "12")]
    [InlineData("Pipeline__ReminderLead", "3.00:00:00")]
    [InlineData("Pipeline__GracePeriod", "7.00:00:00")]
    [InlineData("Pipeline__ReferralWait", "14.00:00:00")]
    [InlineData("Pipeline__GraduationMonths", "3")]
    [InlineData("Pipeline__ProgrammePeriod", "730.00:00:00")]
    [InlineData("Pipeline__AttendanceThresholdPercent", "80")]
    [InlineData("Pipeline__BatchCapacity", "30")]
    [InlineData("Sweeps__ReminderSweep", "0 */15 * * * *")]
    [InlineData("Sweeps__DailyDigest", "0 0 * * * *")]
    [InlineData("Sweeps__PipelineRepair", "*/30 * * * * *")]
    [InlineData("Sweeps__HistoryPurge", "0 30 2 * * *")]
    [InlineData("Notifications__SendSchedule", "0 */1 * * * *")]
    [InlineData("Notifications__Smtp__Port", "587")]
    [InlineData("Notifications__Smtp__EnableSsl", "true")]
    public void ProgrammeSettings_Defaults_AreProductionValues(string setting, string expected)
    {
        var parameter = ParameterReference().Match(ProgrammeSettings.Text(setting));

        Assert.True(parameter.Success, $"{setting} should come from a parameter: {ProgrammeSettings.Text(setting)}");
        Assert.Equal(expected, compiled.Main.DefaultOf(parameter.Groups["name"].Value));
    }

    [Fact]
    public void ProgrammeSettings_SmtpRelay_IsRequiredFromTheOperator()
    {
        foreach (var (setting, parameter) in new[]
                 {
                     ("Notifications__Smtp__Host", "smtpHost"), ("Notifications__Smtp__From", "smtpFrom"),
                     ("Notifications__Smtp__RecipientDomain", "smtpRecipientDomain"),
                 })
        {
            Assert.Equal($"[parameters('{parameter}')]", ProgrammeSettings.Text(setting));
            Assert.Null(compiled.Main.Parameter(parameter)["defaultValue"]);
        }
    }

    [Fact]
    public void SmtpPassword_Parameter_IsSecureAndNeverAnOutput()
    {
        Assert.Equal("securestring", compiled.Main.Parameter("smtpPassword").Text("type"));
        Assert.Equal("securestring", FunctionApp.Parameter("smtpPassword").Text("type"));
        Assert.DoesNotContain("smtpPassword", compiled.Main.Variable("programmeSettings").ToJsonString(), StringComparison.Ordinal);
        Assert.All(compiled.Main.AllTemplates(), template =>
            Assert.DoesNotContain("smtpPassword", template.Outputs.ToJsonString(), StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^\[(string\()?parameters\('(?<name>\w+)'\)\)?\]$")]
    private static partial Regex ParameterReference();
}

namespace PepFunctions.Infra.Tests;

/// <summary>modules/monitoring.bicep: Log Analytics, Application Insights on it, telemetry only with Entra ID.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class MonitoringTests(CompiledTemplate compiled)
{
    private ArmTemplate Monitoring => compiled.Main.Module("monitoring");

    [Fact]
    public void ApplicationInsights_Workspace_IsLogAnalytics()
    {
        var properties = Monitoring.ResourceOfType("Microsoft.Insights/components").At("properties");

        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]",
            properties.Text("WorkspaceResourceId"));
        Assert.Equal("LogAnalytics", properties.Text("IngestionMode"));
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabledByDefault()
    {
        var properties = Monitoring.ResourceOfType("Microsoft.Insights/components").At("properties");

        Assert.Equal("[parameters('disableLocalAuth')]", properties.Text("DisableLocalAuth"));
        Assert.Equal("[parameters('appInsightsLocalAuthDisabled')]", compiled.Main.ModuleArgument("monitoring", "disableLocalAuth"));
        Assert.Equal("true", compiled.Main.DefaultOf("appInsightsLocalAuthDisabled"));
    }

    [Fact]
    public void RoleAssignment_Identity_MayPublishTelemetry()
    {
        var assignment = Monitoring.ResourceOfType("Microsoft.Authorization/roleAssignments").At("properties");

        // Monitoring Metrics Publisher: the role Entra ID-authenticated ingestion requires.
        Assert.Equal("3913510d-42f4-4e42-8a64-420c390055eb", Monitoring.Variable("monitoringMetricsPublisher").GetValue<string>());
        Assert.Contains("variables('monitoringMetricsPublisher')", assignment.Text("roleDefinitionId"), StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", assignment.Text("principalId"));
        Assert.Equal("[reference('identity').principalId]", compiled.Main.ModuleArgument("monitoring", "principalId"));
    }
}

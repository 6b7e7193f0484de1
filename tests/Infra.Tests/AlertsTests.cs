using System.Text.Json.Nodes;

namespace PepFunctions.Infra.Tests;

/// <summary>modules/alerts.bicep: what pages the operator, and that each alert looks at what the app writes.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AlertsTests(CompiledTemplate compiled)
{
    private ArmTemplate Alerts => compiled.Main.Module("alerts");

    private IReadOnlyList<JsonNode> LogAlerts => Alerts.Variable("logAlerts").AsArray().Select(alert => alert!).ToList();

    [Fact]
    public void FailedOrchestrations_Query_ReadsDurableTaskFailureEvents()
    {
        var query = QueryOf("failedOrchestrations");

        Assert.Contains("""tostring(customDimensions.Category) == "Host.Triggers.DurableTask" """.TrimEnd(), query, StringComparison.Ordinal);
        Assert.Contains("""tostring(customDimensions.prop__functionType) == "Orchestrator" """.TrimEnd(), query, StringComparison.Ordinal);
        Assert.Contains("""tostring(customDimensions.prop__state) == "Failed" """.TrimEnd(), query, StringComparison.Ordinal);
    }

    [Fact]
    public void NotificationsGaveUp_Query_MatchesTheAppsLogLine()
    {
        Assert.Contains("""message startswith "Notification gave up" """.TrimEnd(), QueryOf("notificationsGaveUp"), StringComparison.Ordinal);
    }

    [Fact]
    public void HealthUnhealthy_Query_Finds503FromTheHealthEndpoint()
    {
        var query = QueryOf("healthUnhealthy");

        Assert.Contains("""url endswith "/api/health" """.TrimEnd(), query, StringComparison.Ordinal);
        Assert.Contains("""resultCode == "503" """.TrimEnd(), query, StringComparison.Ordinal);
    }

    [Fact]
    public void LogAlertRules_EachQuery_FiresOnAnyRowAndNotifiesTheActionGroup()
    {
        var rule = Alerts.ResourceOfType("Microsoft.Insights/scheduledQueryRules");
        var criterion = rule.At("properties", "criteria", "allOf").AsArray().Single()!;

        Assert.Equal("[length(variables('logAlerts'))]", rule.Text("copy", "count"));
        Assert.Equal("[parameters('applicationInsightsId')]", rule.At("properties", "scopes").AsArray().Single()!.GetValue<string>());
        Assert.Equal("GreaterThan", criterion.Text("operator"));
        Assert.Equal(0, criterion.At("threshold").GetValue<int>());
        Assert.Contains("Microsoft.Insights/actionGroups", rule.At("properties", "actions", "actionGroups").ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3, LogAlerts.Count);
    }

    [Fact]
    public void AvailabilityTest_HealthEndpoint_IsProbedAnonymouslyFromSeveralLocations()
    {
        var test = Alerts.ResourceOfType("Microsoft.Insights/webtests");
        var url = test.Text("properties", "Request", "RequestUrl");
        var anonymous = compiled.Main.Module("functionApp").Parameter("anonymousPaths").At("defaultValue").AsArray()
            .Select(path => path!.GetValue<string>());

        Assert.Equal("standard", test.Text("kind"));
        Assert.Equal("[format('https://{0}/api/health', parameters('appHostName'))]", url);
        Assert.Equal(200, test.At("properties", "ValidationRules", "ExpectedHttpStatusCode").GetValue<int>());
        Assert.Contains("/api/health", anonymous);
        Assert.Equal("[reference('functionApp').outputs.defaultHostName.value]", compiled.Main.ModuleArgument("alerts", "appHostName"));
        Assert.True(Alerts.Parameter("availabilityLocations").At("defaultValue").AsArray().Count >= 3);
    }

    [Fact]
    public void AvailabilityAlert_FailedLocations_NotifyTheActionGroup()
    {
        var alert = Alerts.ResourceOfType("Microsoft.Insights/metricAlerts").At("properties");

        Assert.Equal("Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria", alert.Text("criteria", "odata.type"));
        Assert.Equal(2, alert.At("criteria", "failedLocationCount").GetValue<int>());
        Assert.Contains("Microsoft.Insights/actionGroups", alert.At("actions").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ActionGroup_Receiver_IsTheOperatorsEmail()
    {
        var receiver = Alerts.ResourceOfType("Microsoft.Insights/actionGroups").At("properties", "emailReceivers").AsArray().Single()!;

        Assert.Equal("[parameters('alertEmail')]", receiver.Text("emailAddress"));
        Assert.Equal("[parameters('alertEmail')]", compiled.Main.ModuleArgument("alerts", "alertEmail"));
        Assert.Null(compiled.Main.Parameter("alertEmail")["defaultValue"]);
    }

    private string QueryOf(string alertName) =>
        LogAlerts.Single(alert => alert.Text("name") == $"[parameters('names').{alertName}]").Text("query");
}

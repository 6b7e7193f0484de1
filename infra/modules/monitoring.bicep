import { Tags } from '../types.bicep'

metadata description = 'Log Analytics and a workspace-based Application Insights that accepts telemetry only from Entra ID identities.'

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags Tags

@description('Days the workspace keeps logs; 30 is included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('When true, Application Insights rejects telemetry sent with only the instrumentation key; the host and the worker must authenticate with the managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).')
param disableLocalAuth bool = true

@description('Principal (object) id of the app\'s user-assigned identity.')
param principalId string

@description('Resource id of that identity; keeps the role assignment name stable across redeployments.')
param identityId string

// Monitoring Metrics Publisher: despite its name, this is the role that lets an identity send any telemetry.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: disableLocalAuth
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource publisherRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'PEP Functions app identity: send telemetry with Entra ID'
  }
}

output applicationInsightsName string = applicationInsights.name
output applicationInsightsId string = applicationInsights.id

// Not a secret: with local authentication disabled the instrumentation key alone cannot send data.
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString
output workspaceId string = workspace.id

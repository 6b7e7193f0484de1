import { Tags } from '../types.bicep'

metadata description = 'What an operator is told about: failed orchestrations, notifications that gave up, and the health endpoint failing.'

param location string
param tags Tags

@description('Names, from the abbreviation table in main.bicep.')
param names {
  actionGroup: string
  availabilityTest: string
  availabilityAlert: string
  failedOrchestrations: string
  notificationsGaveUp: string
  healthUnhealthy: string
}

param applicationInsightsId string

@description('Host name of the function app, e.g. func-pep-prod-xxxx.azurewebsites.net.')
param appHostName string

@description('Who receives the alerts.')
param alertEmail string

@description('Availability test locations (web test location ids), near the users: Southeast Asia, East Asia, Australia East.')
param availabilityLocations string[] = [
  'apac-sg-sin-azr'
  'apac-hk-hkn-azr'
  'emea-au-syd-edge'
]

@description('Seconds between two runs of the availability test from each location. Every run is billed; 15 minutes from 3 locations is about 8,600 runs a month.')
@allowed([
  300
  600
  900
])
param availabilityFrequencySeconds int = 900

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: names.actionGroup
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pep-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// The health endpoint from outside: unreachable, slow past the timeout, or anything but 200.
// /api/health is excluded from App Service authentication, so the probe needs no credentials.
resource availabilityTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: names.availabilityTest
  location: location
  tags: union(tags, { 'hidden-link:${applicationInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: names.availabilityTest
    Name: 'PEP health endpoint'
    Description: 'GET /api/health answers 200 when the app and its storage are healthy, 503 otherwise.'
    Enabled: true
    Kind: 'standard'
    Frequency: availabilityFrequencySeconds
    Timeout: 30
    RetryEnabled: true
    Locations: [for id in availabilityLocations: { Id: id }]
    Request: {
      RequestUrl: 'https://${appHostName}/api/health'
      HttpVerb: 'GET'
      ParseDependentRequests: false
      FollowRedirects: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      IgnoreHttpStatusCode: false
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource availabilityAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: names.availabilityAlert
  location: 'global'
  tags: union(tags, {
    'hidden-link:${applicationInsightsId}': 'Resource'
    'hidden-link:${availabilityTest.id}': 'Resource'
  })
  properties: {
    description: 'The health endpoint failed from at least 2 locations: the app is down or reports itself unhealthy.'
    severity: 1
    enabled: true
    scopes: [
      availabilityTest.id
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: availabilityTest.id
      componentId: applicationInsightsId
      failedLocationCount: 2
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// Log alerts on the Application Insights tables (traces, requests). Each fires when its query
// returns at least one row in the window.
var logAlerts = [
  {
    // The Durable Functions extension writes a tracking event per lifecycle step, category
    // Host.Triggers.DurableTask, with prop__state = Failed when an orchestrator ends in failure.
    name: names.failedOrchestrations
    displayName: 'PEP: orchestration failed'
    description: 'A case pipeline orchestration ended as Failed. Open the instance history (/api/instances/{id}/history) and the exception in App Insights.'
    severity: 1
    query: '''
traces
| where tostring(customDimensions.Category) == "Host.Triggers.DurableTask"
| where tostring(customDimensions.prop__functionType) == "Orchestrator"
| where tostring(customDimensions.prop__state) == "Failed"
| where tostring(customDimensions.prop__isReplay) !~ "true"
| project timestamp, instanceId = tostring(customDimensions.prop__instanceId), functionName = tostring(customDimensions.prop__functionName), reason = tostring(customDimensions.prop__reason)
'''
  }
  {
    name: names.notificationsGaveUp
    displayName: 'PEP: notification gave up'
    description: 'The notification sender stopped retrying a message: a mentor, supervisor or officer was not told. Check the SMTP relay and the outbox.'
    severity: 2
    query: '''
traces
| where message startswith "Notification gave up"
| project timestamp, message
'''
  }
  {
    name: names.healthUnhealthy
    displayName: 'PEP: health endpoint unhealthy'
    description: 'GET /api/health answered 503: the app runs but cannot reach its storage or task hub.'
    severity: 1
    query: '''
requests
| where url endswith "/api/health"
| where resultCode == "503"
| project timestamp, resultCode, cloud_RoleInstance
'''
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in logAlerts: {
    name: alert.name
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: alert.displayName
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        applicationInsightsId
      ]
      evaluationFrequency: 'PT15M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupId string = actionGroup.id
output availabilityTestId string = availabilityTest.id

metadata description = 'PEP Functions on Azure: a Flex Consumption function app (.NET 10 isolated worker, Durable Functions on Azure Storage) with a user-assigned identity, Entra ID sign-in, Application Insights and alerts. No keys or connection strings with secrets anywhere.'

targetScope = 'resourceGroup'

import { AlwaysReadyGroup, AppSettings, Tags } from 'types.bicep'

// ---------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------

@description('Short name of the environment (prod, staging); part of every resource name.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Region of every resource. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Reject telemetry that is not authenticated with Entra ID (keeps a leaked connection string from being used to send data).')
param appInsightsLocalAuthDisabled bool = true

// ---------------------------------------------------------------------------------------------
// Hosting (Flex Consumption)
// ---------------------------------------------------------------------------------------------

@description('.NET version of the isolated worker: the app targets net10.0.')
@allowed([
  '8.0'
  '9.0'
  '10.0'
])
param dotnetVersion string = '10.0'

@description('Instance memory in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for the Durable Functions group (orchestrators, activities, entities).')
@minValue(0)
@maxValue(3)
param alwaysReadyDurableInstances int = 1

@description('Always-ready instances for the HTTP group (staff pages and the API). 0: the first request after an idle spell waits for a cold start.')
@minValue(0)
@maxValue(3)
param alwaysReadyHttpInstances int = 0

@description('Durable Functions task hub (host.json "hubName": "%TaskHubName%"): 3-45 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'PepHub'

@description('Longest wait between two polls of an idle task hub queue (hh:mm:ss), overriding host.json in Azure: the most an idle hub adds to the latency of a staff action or a due timer.')
param durableMaxQueuePollingInterval string = '00:00:10'

// ---------------------------------------------------------------------------------------------
// Sign-in (App Service authentication with Entra ID) and alerts
// ---------------------------------------------------------------------------------------------

@description('Entra ID tenant (directory) id whose staff sign in.')
param authTenantId string

@description('Application (client) id of the app registration for staff sign-in (infra/entra-app.sh register).')
param authClientId string

@description('E-mail address that receives the operator alerts.')
param alertEmail string

// ---------------------------------------------------------------------------------------------
// Programme settings (production defaults; durations are d.hh:mm:ss)
// ---------------------------------------------------------------------------------------------

@description('Time to record the assessment after enrolment before the Lapas officers are reminded.')
param assessmentDeadline string = '14.00:00:00'

@description('Time between mentoring follow-ups after release.')
param followUpInterval string = '30.00:00:00'

@description('Number of follow-ups after release.')
@minValue(1)
param followUpCount int = 12

@description('How long before a follow-up is due the mentor is reminded.')
param reminderLead string = '3.00:00:00'

@description('How long after the due date a follow-up without a record turns overdue.')
param gracePeriod string = '7.00:00:00'

@description('How long a capital referral may wait for an answer before the sweep reminds.')
param referralWait string = '14.00:00:00'

@description('Months of recorded sales after which a person graduates.')
@minValue(1)
param graduationMonths int = 3

@description('Longest a person stays in the programme.')
param programmePeriod string = '730.00:00:00'

@description('Attendance needed to complete a training, in percent.')
@minValue(1)
@maxValue(100)
param attendanceThresholdPercent int = 80

@description('Places in a training batch.')
@minValue(1)
param batchCapacity int = 30

@description('NCRONTAB schedule of the reminder sweep (with seconds).')
param reminderSweepSchedule string = '0 */15 * * * *'

@description('NCRONTAB schedule of the daily digest check: hourly; the app sends each office\'s digest at 07:00 in the office\'s own time zone.')
param dailyDigestSchedule string = '0 0 * * * *'

@description('NCRONTAB schedule of the pipeline repair (with seconds): finishes staff actions that stopped before telling their pipeline. It reads only the unfinished-actions index, so it can run often.')
param pipelineRepairSchedule string = '*/30 * * * * *'

@description('NCRONTAB schedule of the purge of ended pipelines\' histories (with seconds).')
param historyPurgeSchedule string = '0 30 2 * * *'

@description('NCRONTAB schedule of the notification sender (with seconds): how often due notifications are delivered.')
param notificationSendSchedule string = '0 */1 * * * *'

@description('The first administrators: Entra ID sign-in names (UPNs), comma-separated. Each gets an administrator record in the staff directory at their first sign-in, and adds everyone else (infra/README.md, "Staff").')
@minLength(3)
param bootstrapAdministrators string

@description('SMTP relay host name.')
param smtpHost string

@description('SMTP port (587: submission with STARTTLS).')
param smtpPort int = 587

@description('Use TLS towards the SMTP relay.')
param smtpEnableSsl bool = true

@description('Sender address of the notifications.')
param smtpFrom string

@description('Mail domain of the staff accounts that receive notifications.')
param smtpRecipientDomain string

@description('SMTP user name, if the relay needs authentication; empty for none.')
param smtpUserName string = ''

@secure()
@description('SMTP password, if the relay needs authentication; empty for none. Never an output.')
param smtpPassword string = ''

@secure()
@description('The secret case ids are derived with (at least 32 characters; set once: a new key gives new ids). Stored in Key Vault; the app reads it through a Key Vault reference. Never an output.')
param caseIdKey string

// ---------------------------------------------------------------------------------------------
// Names: one abbreviation table, one token per resource group and environment
// ---------------------------------------------------------------------------------------------

var abbrs = loadJsonContent('abbreviations.json')
var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var suffix = 'pep-${environmentName}-${token}'
var tags Tags = {
  'azd-env-name': environmentName
  application: 'pep-functions'
}

var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${suffix}'
  storage: take('${abbrs.storageStorageAccounts}pep${token}', 24)
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${suffix}'
  applicationInsights: '${abbrs.insightsComponents}${suffix}'
  plan: '${abbrs.webServerFarms}${suffix}'
  functionApp: '${abbrs.webSitesFunctions}${suffix}'
  keyVault: take('${abbrs.keyVaultVaults}pep${token}', 24)
  alerts: {
    actionGroup: '${abbrs.insightsActionGroups}${suffix}'
    availabilityTest: '${abbrs.insightsAvailabilityTests}health-${suffix}'
    availabilityAlert: '${abbrs.insightsMetricAlerts}health-${suffix}'
    failedOrchestrations: '${abbrs.insightsScheduledQueryRules}orchestration-failed-${suffix}'
    notificationsGaveUp: '${abbrs.insightsScheduledQueryRules}notification-gave-up-${suffix}'
    healthUnhealthy: '${abbrs.insightsScheduledQueryRules}health-unhealthy-${suffix}'
  }
}

var deploymentContainerName = 'app-package'

var alwaysReady AlwaysReadyGroup[] = filter(
  [
    { name: 'durable', instanceCount: alwaysReadyDurableInstances }
    { name: 'http', instanceCount: alwaysReadyHttpInstances }
  ],
  group => group.instanceCount > 0
)

// The keys the app binds with the options pattern (Pipeline:*, Sweeps:*, Notifications:Smtp:*, ...).
var programmeSettings AppSettings = {
  Pipeline__AssessmentDeadline: assessmentDeadline
  Pipeline__FollowUpInterval: followUpInterval
  Pipeline__FollowUpCount: string(followUpCount)
  Pipeline__ReminderLead: reminderLead
  Pipeline__GracePeriod: gracePeriod
  Pipeline__ReferralWait: referralWait
  Pipeline__GraduationMonths: string(graduationMonths)
  Pipeline__ProgrammePeriod: programmePeriod
  Pipeline__AttendanceThresholdPercent: string(attendanceThresholdPercent)
  Pipeline__BatchCapacity: string(batchCapacity)
  Sweeps__ReminderSweep: reminderSweepSchedule
  Sweeps__DailyDigest: dailyDigestSchedule
  Sweeps__PipelineRepair: pipelineRepairSchedule
  Sweeps__HistoryPurge: historyPurgeSchedule
  Notifications__SendSchedule: notificationSendSchedule
  Notifications__Smtp__Host: smtpHost
  Notifications__Smtp__Port: string(smtpPort)
  Notifications__Smtp__EnableSsl: string(smtpEnableSsl)
  Notifications__Smtp__From: smtpFrom
  Notifications__Smtp__RecipientDomain: smtpRecipientDomain
  Notifications__Smtp__UserName: smtpUserName
  // Production never runs the demo: no cookie sign-in with demo passwords, no fictional people.
  Staff__DemoAccounts: 'false'
  Demo__Seed: 'false'
  // App Service authentication signs staff in and sets X-MS-CLIENT-PRINCIPAL; the platform strips
  // that header from incoming requests, so the app may trust it here.
  Staff__TrustPlatformHeaders: 'true'
  Staff__BootstrapAdministrators: bootstrapAdministrators
  // Only principals of this tenant sign in (the app checks the platform's tenant id claim as well as the platform).
  Staff__TenantId: authTenantId
  // Staff contact addresses stay in the ministry's mail domain (Pokmas Lipas mentors excepted).
  Staff__MailDomain: smtpRecipientDomain
}

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    principalId: identity.properties.principalId
    identityId: identity.id
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    disableLocalAuth: appInsightsLocalAuthDisabled
    principalId: identity.properties.principalId
    identityId: identity.id
  }
}

// The app's secrets (the case id key, the data-protection certificate); other modules add theirs by keyVault.outputs.keyVaultName.
module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    principalId: identity.properties.principalId
    identityId: identity.id
    caseIdKey: caseIdKey
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: names.storage
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    dotnetVersion: dotnetVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReady: alwaysReady
    taskHubName: taskHubName
    durableMaxQueuePollingInterval: durableMaxQueuePollingInterval
    programmeSettings: programmeSettings
    smtpPassword: smtpPassword
    caseIdSecretUri: keyVault.outputs.caseIdSecretUri
    keyVaultUri: keyVault.outputs.keyVaultUri
    dataProtectionCertificateName: keyVault.outputs.dataProtectionCertificateName
    authTenantId: authTenantId
    authClientId: authClientId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    names: names.alerts
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    appHostName: functionApp.outputs.defaultHostName
    alertEmail: alertEmail
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs (names and ids only; azd stores them in .azure/<env>/.env)
// ---------------------------------------------------------------------------------------------

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_IDENTITY_CLIENT_ID string = identity.properties.clientId
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.keyVaultName

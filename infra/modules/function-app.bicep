import { AlwaysReadyGroup, AppSettings, Tags } from '../types.bicep'

metadata description = 'A Flex Consumption plan and the Linux function app (.NET isolated worker) behind App Service authentication with Entra ID.'

param name string
param planName string
param location string
param tags Tags

@description('Resource id of the user-assigned identity the app uses for storage, telemetry and the sign-in client assertion.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

param storageAccountName string

@description('https URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('Application Insights connection string (ingestion endpoint); the identity authenticates, see APPLICATIONINSIGHTS_AUTHENTICATION_STRING.')
param applicationInsightsConnectionString string

@description('.NET version of the isolated worker; the app targets net10.0.')
@allowed([
  '8.0'
  '9.0'
  '10.0'
])
param dotnetVersion string = '10.0'

@description('Memory of each instance in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on instances (and so on the bill during a storm). 40 is the lowest Flex allows.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances per scale group, e.g. [ { name: \'durable\', instanceCount: 1 } ].')
param alwaysReady AlwaysReadyGroup[]

@description('Durable Functions task hub name (letters and digits, starting with a letter).')
param taskHubName string

@description('Longest wait between two polls of an empty task hub queue (hh:mm:ss); overrides host.json in Azure.')
param durableMaxQueuePollingInterval string

@description('Programme settings (Pipeline__*, Sweeps__*, Notifications__*, Staff__*, Demo__*), added to the platform settings.')
param programmeSettings AppSettings

@secure()
@description('Password for the SMTP relay, if it needs one. Goes into one app setting; never an output.')
param smtpPassword string = ''

@description('URI of the Key Vault secret holding the case id key (Privacy__CaseIdKey; docs/privacy.md): the app setting is a Key Vault reference, resolved with the app\'s identity.')
param caseIdSecretUri string

@description('The Key Vault holding the data-protection certificate (DataProtection__KeyVaultUri).')
param keyVaultUri string

@description('Name of the certificate that encrypts the data-protection keys at rest (DataProtection__CertificateName).')
param dataProtectionCertificateName string

@description('Entra ID tenant that signs staff in.')
param authTenantId string

@description('Application (client) id of the app registration used by App Service authentication.')
param authClientId string

@description('Paths App Service authentication lets through without sign-in: the health endpoint and the public catalogue (its page, its API, its photos, and the page\'s stylesheet).')
param anonymousPaths string[] = [
  '/api/health'
  '/katalog'
  '/api/catalogue'
  '/api/catalogue/*'
  '/css/site.css'
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// Identity-based connections only: the host, the Durable Functions task hub and the app's own
// table/blob clients all read AzureWebJobsStorage__*; nothing here holds a key or a SAS.
var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  TaskHubName: taskHubName
  // host.json polls every second for fast local runs and tests; in Azure each poll of each queue is a
  // billed storage transaction, so the idle hub backs off further (see infra/README.md, "Durable Functions").
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval: durableMaxQueuePollingInterval
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The identity Azure.Identity's DefaultAzureCredential/ManagedIdentityCredential picks by default.
  AZURE_CLIENT_ID: identityClientId
  // App Service authentication proves itself to Entra ID with this identity (a federated credential
  // on the app registration) instead of a client secret.
  OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId
  WEBSITE_AUTH_AAD_ALLOWED_TENANTS: authTenantId
  // The app refuses to start without it (docs/privacy.md). A Key Vault reference: the platform reads the secret with the
  // identity named by keyVaultReferenceIdentity; the value is never in the template or the settings.
  Privacy__CaseIdKey: '@Microsoft.KeyVault(SecretUri=${caseIdSecretUri})'
  // The data-protection keys are encrypted with this certificate before they are stored (Staff/KeyRingProtection.cs).
  DataProtection__KeyVaultUri: keyVaultUri
  DataProtection__CertificateName: dataProtectionCertificateName
}

var smtpPasswordSetting = empty(smtpPassword) ? {} : { Notifications__Smtp__Password: smtpPassword }

var appSettings = union(programmeSettings, smtpPasswordSetting, platformSettings)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'app' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    // Key Vault references (Privacy__CaseIdKey) are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    httpsOnly: true
    clientCertEnabled: false
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReady
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(appSettings), setting => { name: setting.key, value: setting.value })
    }
  }
}

// No publishing passwords: FTP is off, and deployments authenticate with Entra ID (az CLI / azd).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Staff pages redirect to the Entra ID sign-in; requests without a session or token never reach the
// app (clients other than browsers get 401; see infra/README.md, "Authentication"). Only the health
// endpoint and the public catalogue (/katalog, /api/catalogue and its photos) are anonymous.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: anonymousPaths
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
          clientId: authClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
          ]
          defaultAuthorizationPolicy: {
            allowedApplications: [
              authClientId
            ]
          }
        }
      }
    }
    login: {
      // The app reads the signed-in user from X-MS-CLIENT-PRINCIPAL; it never needs the user's tokens.
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: true
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output id string = site.id

import { Tags } from '../types.bicep'

metadata description = 'The storage account behind the function app: host state, the Durable Functions task hub, the app\'s own tables and blobs, and the deployment package. Reached only through Entra ID.'

@description('Storage account name: 3-24 lowercase letters and digits, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags Tags

@description('Storage redundancy. LRS is enough for a single-region app whose state is the programme\'s records; pick ZRS where the region offers it and the budget allows.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string = 'Standard_LRS'

@description('Blob container that holds the app package for Flex Consumption one-deploy.')
param deploymentContainerName string

@description('Principal (object) id of the app\'s user-assigned identity.')
param principalId string

@description('Resource id of that identity; keeps the role assignment names stable across redeployments.')
param identityId string

// Built-in roles the Functions host and the Durable Functions Azure Storage provider need
// (blob leases and the deployment package, control/work-item queues, history and instance tables).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // No account keys and no SAS signed with them: every caller authenticates with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in items(roles): {
    name: guid(account.id, identityId, roleId.value)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId.value)
      principalId: principalId
      principalType: 'ServicePrincipal'
      description: 'PEP Functions app identity: ${roleId.key}'
    }
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'

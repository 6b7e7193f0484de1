metadata description = 'Key Vault for the app\'s secrets: the case id key (Privacy__CaseIdKey, read by the app as a Key Vault reference through its managed identity) and the data-protection certificate. Other modules add their secrets with the keyVaultName output.'

import { Tags } from '../types.bicep'

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags Tags

@description('Principal id of the app\'s user-assigned identity: it reads secrets and certificates, nothing else.')
param principalId string

@description('Resource id of that identity (for a stable role assignment name).')
param identityId string

@secure()
@description('The secret case ids are derived with (at least 32 characters). Stored as the secret `case-id-key`; never an output.')
param caseIdKey string

@description('Name of the certificate that encrypts the data-protection keys at rest (made once, see infra/README.md).')
param dataProtectionCertificateName string = 'data-protection'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC only: no access policies, no keys in settings.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource caseIdKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'case-id-key'
  properties: {
    value: caseIdKey
    contentType: 'text/plain'
  }
}

// Key Vault Secrets User: read secrets (the Key Vault reference) and a certificate's private key (its secret).
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault Certificate User: read the certificate itself.
var certificateUserRoleId = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [secretsUserRoleId, certificateUserRoleId]: {
    name: guid(vault.id, identityId, roleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: 'ServicePrincipal'
      description: 'PEP Functions app identity reads the app\'s secrets'
    }
  }
]

@description('The vault\'s name: other modules add secrets to it (existing resource by this name).')
output keyVaultName string = vault.name

@description('The vault\'s URI (DataProtection__KeyVaultUri).')
output keyVaultUri string = vault.properties.vaultUri

@description('The case id key\'s secret URI without a version (the app setting is a Key Vault reference to it; the latest version is used).')
output caseIdSecretUri string = '${vault.properties.vaultUri}secrets/${caseIdKeySecret.name}'

@description('The data-protection certificate\'s name (DataProtection__CertificateName).')
output dataProtectionCertificateName string = dataProtectionCertificateName

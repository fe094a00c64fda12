// Holds the storage connection string that the storage extension 4.x triggers need, so the app setting is a
// Key Vault reference rather than a key in plain sight. Deployed only while shared key access is allowed.

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Name of the existing storage account whose connection string is stored.')
param storageAccountName string

@description('Object id of the identity that reads the secret (Key Vault Secrets User on that secret only).')
param principalId string

@description('Purge protection: a deleted vault cannot be purged during its retention. Recommended for production; it also blocks reusing the name for that period.')
param enablePurgeProtection bool

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

var secretName = 'storage-connection-string'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// The key is read here, inside the deployment, and goes straight into the vault: it never passes through
// a parameter or an output.
resource storageConnection 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretName
  properties: {
    contentType: 'Azure Storage connection string (AzureWebJobsStorage)'
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageConnection.id, principalId, keyVaultSecretsUserRoleId)
  scope: storageConnection
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

@description('Key Vault name.')
output name string = vault.name

@description('Versionless URI of the connection-string secret, for an @Microsoft.KeyVault(SecretUri=...) app setting. A URI, not the value.')
output connectionSecretUri string = storageConnection.properties.secretUri

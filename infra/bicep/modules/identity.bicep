// The one identity the function app runs as. User-assigned, so its role assignments and the Key Vault
// grant exist before the app starts (no first-start race), and it survives re-creating the app.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for the app\'s identity block and keyVaultReferenceIdentity.')
output id string = identity.id

@description('Object id of the service principal, for role assignments.')
output principalId string = identity.properties.principalId

@description('Client id, for AzureWebJobsStorage__clientId and DefaultAzureCredential.')
output clientId string = identity.properties.clientId

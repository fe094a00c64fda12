// Data-plane roles for the app's identity, scoped to the one storage account (not the resource group).
// Blob Data Owner rather than Contributor because the Functions documentation lists Owner for the host's
// own storage (AzureWebJobsStorage) when it connects with an identity; Queue and Table Data Contributor
// cover the chain's queues (and the blob trigger's poison queue) and tables.

@description('Name of the existing storage account to scope the assignments to.')
param storageAccountName string

@description('Object id of the identity that receives the roles.')
param principalId string

var roleDefinitionIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roleDefinitionIds): {
    name: guid(storage.id, principalId, role.value)
    scope: storage
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

// Azure AI Language (kind TextAnalytics) for Recognizer:Kind = azure-language. The app calls it with an
// Entra token from its managed identity, so local (key) auth is off by default and no key is ever read.

@description('Name of the Language resource; also its custom subdomain, which Entra token authentication requires.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Pricing tier: F0 (free, one per subscription, 5,000 text records a month) or S.')
@allowed([
  'F0'
  'S'
])
param skuName string

@description('Disable key authentication so only Entra identities with a role can call the resource.')
param disableLocalAuth bool

@description('Object id of the identity that calls the resource.')
param principalId string

// Cognitive Services Language Reader: read and analyze, no authoring writes, no keys.
var languageReaderRoleId = '7628b7b8-a8b2-4cdc-b46f-e9b35248918e'

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: disableLocalAuth
    publicNetworkAccess: 'Enabled'
  }
}

resource languageReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(language.id, principalId, languageReaderRoleId)
  scope: language
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', languageReaderRoleId)
  }
}

@description('Endpoint for Recognizer__AzureLanguage__Endpoint, e.g. https://<name>.cognitiveservices.azure.com/.')
output endpoint string = language.properties.endpoint

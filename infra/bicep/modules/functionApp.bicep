// Linux App Service plan (Dedicated) and the in-process v4 function app on .NET 8.
// App setting names are the configuration keys the code reads, with ':' written as '__'
// (tests/Ingest.Infrastructure.Tests checks them against the code).

@description('Name of the function app; also its default host name <name>.azurewebsites.net.')
param name string

@description('Name of the App Service plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Dedicated Linux plan SKU. Every one of these supports Always On, which non-HTTP triggers need on a Dedicated plan.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param planSku string

@description('Instances the plan runs. Every instance polls the queues; the reconcile timer runs on one at a time.')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Client id of that identity (AzureWebJobsStorage__clientId, AZURE_CLIENT_ID).')
param identityClientId string

@description('Blob service endpoint of the pipeline\'s storage account.')
param blobServiceUri string

@description('Queue service endpoint of the pipeline\'s storage account.')
param queueServiceUri string

@description('Table service endpoint of the pipeline\'s storage account.')
param tableServiceUri string

@description('Versionless Key Vault secret URI holding the storage connection string; empty for identity-only storage (needs storage extension 5.x, see infra/README.md).')
param storageConnectionSecretUri string

@description('Application Insights connection string (an ingestion endpoint and instrumentation key, not a credential).')
param appInsightsConnectionString string

@description('Recognizer:Kind: offline or azure-language.')
@allowed([
  'offline'
  'azure-language'
])
param recognizerKind string

@description('Recognizer:AzureLanguage:Endpoint; used only when recognizerKind is azure-language.')
param languageEndpoint string

@description('Recognizer:AzureLanguage:FallbackToOffline: recognize offline when the service stays unavailable.')
param languageFallbackToOffline bool

@description('Ingest:ReconcileSchedule, the NCRONTAB schedule of the missed-blob sweep. The timer trigger reads it as %Ingest:ReconcileSchedule%, so it must be set or the function fails to index.')
param reconcileSchedule string

@description('Ingest:DedupCleanupSchedule, the NCRONTAB schedule of the dedup index cleanup. The timer trigger reads it as %Ingest:DedupCleanupSchedule%, so it must be set or the function fails to index.')
param dedupCleanupSchedule string

@description('Ingest:ReconcileGrace (TimeSpan, e.g. 00:02:00).')
param reconcileGrace string

@description('Ingest:ReconcileWindow (TimeSpan, e.g. 7.00:00:00).')
param reconcileWindow string

@description('Ingest:MaxInputBytes: larger inputs are rejected as too-large.')
param maxInputBytes int

var useStorageConnectionString = !empty(storageConnectionSecretUri)

// Settings every deployment has. The AzureWebJobsStorage__* identity settings are what the Functions host
// and Ingest.Core use when no connection string is set; while AzureWebJobsStorage holds one, both use that.
var platformSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet'
  FUNCTIONS_INPROC_NET8_ENABLED: '1'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  AZURE_CLIENT_ID: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobServiceUri
  AzureWebJobsStorage__queueServiceUri: queueServiceUri
  AzureWebJobsStorage__tableServiceUri: tableServiceUri
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
}

var pipelineSettings = {
  Ingest__ReconcileSchedule: reconcileSchedule
  Ingest__ReconcileGrace: reconcileGrace
  Ingest__DedupCleanupSchedule: dedupCleanupSchedule
  Ingest__ReconcileWindow: reconcileWindow
  Ingest__MaxInputBytes: string(maxInputBytes)
  Recognizer__Kind: recognizerKind
}

// Storage extension 4.x triggers read only a connection string; it comes from Key Vault.
var storageConnectionSettings = {
  AzureWebJobsStorage: '@Microsoft.KeyVault(SecretUri=${storageConnectionSecretUri})'
}

// No key: the recognizer authenticates with an Entra token for AZURE_CLIENT_ID's identity.
var languageSettings = {
  Recognizer__AzureLanguage__Endpoint: languageEndpoint
  Recognizer__AzureLanguage__FallbackToOffline: string(languageFallbackToOffline)
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'DOTNET|8.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    platformSettings,
    pipelineSettings,
    useStorageConnectionString ? storageConnectionSettings : {},
    recognizerKind == 'azure-language' ? languageSettings : {}
  )
}

@description('Function app name.')
output name string = site.name

@description('Default host name, e.g. <name>.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName

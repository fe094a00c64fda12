// Ingest: the article-ingestion function app and everything it needs in one resource group.
// Deploy: az deployment group create -g <rg> -f infra/bicep/main.bicep -p infra/bicep/main.<env>.bicepparam
// See infra/README.md for the plan choice, the storage identity trade-off and what it costs.

targetScope = 'resourceGroup'

@description('Short name for every resource: lowercase letters and digits, 3-10 characters.')
@minLength(3)
@maxLength(10)
param baseName string = 'ingest'

@description('Environment the deployment is for; part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Azure region of every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {}

@description('Dedicated Linux App Service plan SKU (see infra/README.md for why not Consumption or Flex Consumption).')
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
param planSku string = 'B1'

@description('Plan instances.')
@minValue(1)
@maxValue(10)
param planInstanceCount int = 1

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Allow shared key (account key) access to storage. true (default): the app gets a connection string through a Key Vault reference, which the storage extension 4.0.2 triggers this app uses require. false: identity-only storage, no key anywhere; the triggers then start only once the app uses storage extension 5.x or the isolated worker. See infra/README.md.')
param allowSharedKeyAccess bool = true

@description('Deploy an Azure AI Language resource and set Recognizer__Kind to azure-language; false keeps the offline recognizer.')
param enableLanguage bool = false

@description('Language pricing tier; F0 is free but limited to one per subscription.')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('When the Language service stays unavailable, recognize entities offline instead of failing the article.')
param languageFallbackToOffline bool = true

@description('Days a processed document (processed/{id}.json) is kept after it was written. Documents too large to be inlined in their Articles row exist only as this blob.')
@minValue(1)
@maxValue(36500)
param processedRetentionDays int = 90

@description('Days before a leftover work item (ingest-work/{id}.json) is deleted; keep it above the reconcile window.')
@minValue(1)
@maxValue(365)
param workItemRetentionDays int = 14

@description('Days a deleted or overwritten blob can be restored (blob and container soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 7

@description('Ingest:ReconcileSchedule: NCRONTAB schedule (six fields) of the missed-blob sweep.')
param reconcileSchedule string = '0 */1 * * * *'

@description('Ingest:DedupCleanupSchedule: NCRONTAB schedule (six fields) of the cleanup that removes dedup entries older than the window.')
param dedupCleanupSchedule string = '0 17 * * * *'

@description('Ingest:ReconcileGrace: how long a blob may wait for its trigger before the sweep takes it (TimeSpan).')
param reconcileGrace string = '00:02:00'

@description('Ingest:ReconcileWindow: blobs older than this are not swept (TimeSpan).')
param reconcileWindow string = '7.00:00:00'

@description('Ingest:MaxInputBytes: larger inputs are rejected as too-large without being read.')
@minValue(1)
@maxValue(536870912)
param maxInputBytes int = 10485760

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily Log Analytics ingestion cap in GB; -1 for none.')
param logDailyQuotaGb int = 1

@description('Key Vault purge protection (recommended for production).')
param keyVaultPurgeProtection bool = false

// Names. The suffix keeps globally unique names (storage, vault, app host name, Language subdomain) stable
// per resource group and environment.
var name = toLower(baseName)
// Storage account and vault names allow letters and digits only (the vault also hyphens, but not where take() may cut).
var compactName = replace(replace(name, '-', ''), '_', '')
var suffix = take(uniqueString(resourceGroup().id, name, environmentName), 6)
var names = {
  storage: take('st${compactName}${environmentName}${suffix}', 24)
  keyVault: take('kv${compactName}${environmentName}${suffix}', 24)
  identity: 'id-${name}-${environmentName}'
  workspace: 'log-${name}-${environmentName}'
  appInsights: 'appi-${name}-${environmentName}'
  plan: 'asp-${name}-${environmentName}'
  functionApp: 'func-${name}-${environmentName}-${suffix}'
  language: 'lang-${name}-${environmentName}-${suffix}'
}
var allTags = union(tags, {
  application: 'ingest'
  environment: environmentName
})

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: allTags
    retentionInDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
  }
}

// Container, queue and table names are those of src/Ingest.Core/Storage/ChainNames.cs (checked by the
// infrastructure tests). The chain also creates them at start-up; declaring them here lets the lifecycle
// rules and role assignments exist before the first deployment of code.
module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    skuName: storageSku
    allowSharedKeyAccess: allowSharedKeyAccess
    containerNames: [
      'incoming'
      'processed'
      'ingest-work'
    ]
    queueNames: [
      'articles-clean'
      'articles-deduplicate'
      'articles-recognize'
      'articles-publish'
      'articles-processed'
      'articles-clean-poison'
      'articles-deduplicate-poison'
      'articles-recognize-poison'
      'articles-publish-poison'
      'webjobs-blobtrigger-poison'
    ]
    tableNames: [
      'Articles'
      'ArticleIndex'
      'EntityIndex'
      'DedupClaims'
      'NearDuplicateIndex'
      'StageErrors'
    ]
    processedContainerName: 'processed'
    workContainerName: 'ingest-work'
    processedRetentionDays: processedRetentionDays
    workItemRetentionDays: workItemRetentionDays
    softDeleteRetentionDays: softDeleteRetentionDays
  }
}

module storageRoles 'modules/storageRoleAssignments.bicep' = {
  name: 'storage-roles'
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = if (allowSharedKeyAccess) {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: 7
  }
}

module language 'modules/language.bicep' = if (enableLanguage) {
  name: 'language'
  params: {
    name: names.language
    location: location
    tags: allTags
    skuName: languageSku
    disableLocalAuth: true
    principalId: identity.outputs.principalId
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: names.appInsights
  dependsOn: [
    monitoring
  ]
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    planSku: planSku
    instanceCount: planInstanceCount
    identityResourceId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobServiceUri: storage.outputs.blobEndpoint
    queueServiceUri: storage.outputs.queueEndpoint
    tableServiceUri: storage.outputs.tableEndpoint
    storageConnectionSecretUri: keyVault.?outputs.connectionSecretUri ?? ''
    appInsightsConnectionString: appInsights.properties.ConnectionString
    recognizerKind: enableLanguage ? 'azure-language' : 'offline'
    languageEndpoint: language.?outputs.endpoint ?? ''
    languageFallbackToOffline: languageFallbackToOffline
    reconcileSchedule: reconcileSchedule
    reconcileGrace: reconcileGrace
    dedupCleanupSchedule: dedupCleanupSchedule
    reconcileWindow: reconcileWindow
    maxInputBytes: maxInputBytes
  }
  // The identity must hold its storage roles before the host starts with identity-based settings.
  dependsOn: [
    storageRoles
  ]
}

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

@description('Function app name.')
output functionAppName string = functionApp.outputs.name

@description('Function app default host name.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Blob service endpoint.')
output blobEndpoint string = storage.outputs.blobEndpoint

@description('Queue service endpoint.')
output queueEndpoint string = storage.outputs.queueEndpoint

@description('Table service endpoint.')
output tableEndpoint string = storage.outputs.tableEndpoint

@description('Azure AI Language endpoint; empty when enableLanguage is false.')
output languageEndpoint string = language.?outputs.endpoint ?? ''

// Production: Premium v3 plan with two instances, zone-redundant storage, Azure AI Language, longer retention.
using 'main.bicep'

param environmentName = 'prod'
param planSku = 'P1v3'
param planInstanceCount = 2
param storageSku = 'Standard_ZRS'
param allowSharedKeyAccess = true
param enableLanguage = true
param languageSku = 'S'
param languageFallbackToOffline = true
param processedRetentionDays = 365
param workItemRetentionDays = 14
param softDeleteRetentionDays = 14
param logRetentionDays = 90
param logDailyQuotaGb = 5
param keyVaultPurgeProtection = true
param tags = {
  costCenter: 'ingest-prod'
}

// Development: smallest Dedicated plan, offline recognizer, short retention.
using 'main.bicep'

param environmentName = 'dev'
param planSku = 'B1'
param planInstanceCount = 1
param storageSku = 'Standard_LRS'
param allowSharedKeyAccess = true
param enableLanguage = false
param processedRetentionDays = 30
param workItemRetentionDays = 14
param softDeleteRetentionDays = 7
param logDailyQuotaGb = 1
param keyVaultPurgeProtection = false
param tags = {
  costCenter: 'ingest-dev'
}

using Azure;
using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Pipeline;

/// <summary>What a replay did with one record.</summary>
public sealed record ReplayOutcome(string ArticleId, string SourceName, string PreviousStatus, bool Started, string Detail);

/// <summary>
/// Sends published records back through the chain, e.g. failed ones after the cause was fixed. The record keeps
/// its id (same blob version), so the new outcome replaces it instead of adding one: the Articles row is reopened
/// for publishing, the old processed blob, the stale status-index row, stage errors and work items are removed, and the clean stage runs
/// again for the same blob version. A version that no longer exists ends as rejected (source-deleted/-replaced).
/// </summary>
public sealed class ArticleReplayer(
    StorageClients clients,
    CleanStage clean,
    IWorkItemStore workItems,
    ILogger<ArticleReplayer> logger)
{
    public async Task<ReplayOutcome> ReplayAsync(ProcessedDocument record, CancellationToken cancellationToken)
    {
        if (record.Source.Container != ChainNames.IncomingContainer)
        {
            return new ReplayOutcome(record.Id, record.Source.Name, record.Status, false,
                $"Its source is in '{record.Source.Container}', not '{ChainNames.IncomingContainer}'; only dropped blobs can be replayed.");
        }

        // Reopen: a row that is not complete is invisible to consumers and lets the publisher write again.
        await clients.Table(ChainNames.ArticlesTable).UpsertEntityAsync(
            new TableEntity(record.Id, ArticleRows.ArticleRowKey) { ["PublishState"] = ArticleRows.PublishStateReplaying },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        // The publisher finishes whatever document it finds in the processed blob (the first one written wins a
        // race), so the old document goes too: the new run writes its own.
        await clients.Container(ChainNames.ProcessedContainer).GetBlobClient(ArticleRows.DocumentBlobName(record.Id))
            .DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await DeleteIfExistsAsync(ChainNames.ArticleIndexTable, ArticleRows.StatusPartition(record.Status), record.Id, cancellationToken).ConfigureAwait(false);
        await foreach (var error in clients.Table(ChainNames.StageErrorsTable)
            .QueryAsync<TableEntity>(e => e.PartitionKey == record.Id, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            await DeleteIfExistsAsync(ChainNames.StageErrorsTable, error.PartitionKey, error.RowKey, cancellationToken).ConfigureAwait(false);
        }
        await workItems.DeleteAllAsync(record.Id, cancellationToken).ConfigureAwait(false);

        await clean.RunAsync(new SourceBlobRef(record.Source.Container, record.Source.Name, record.Source.ETag), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Replaying {ArticleId} ({SourceName}), previously {Status}", record.Id, record.Source.Name, record.Status);
        return new ReplayOutcome(record.Id, record.Source.Name, record.Status, true, "sent back through the chain");
    }

    private async Task DeleteIfExistsAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Table(table).DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}

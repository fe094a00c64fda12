using Ingest.Core.Configuration;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Ingest.Core.Articles;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Storage;

/// <summary>
/// Publishes an outcome: the processed blob, the index rows, the consumer notification, and last the
/// Articles row marked complete. The Articles row is the commit point: a re-delivered message that finds
/// it complete changes nothing; one that does not (a crash mid-publish) rewrites the same content,
/// keeping the first <c>processedAt</c>, so notifications are at-least-once and documents never change.
/// </summary>
public sealed class TableOutcomePublisher(
    StorageClients clients,
    IOptions<PipelineOptions> options,
    ILogger<TableOutcomePublisher> logger) : IOutcomePublisher
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };
    private const int IndexWriteParallelism = 8;

    public async Task<bool> HasOutcomeAsync(string articleId, CancellationToken cancellationToken) =>
        (await clients.Table(ChainNames.ArticlesTable).GetEntityIfExistsAsync<TableEntity>(
            articleId, ArticleRows.ArticleRowKey, ["PublishState"], cancellationToken).ConfigureAwait(false)).HasValue;

    public async Task<PublishResult> PublishAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        var articles = clients.Table(ChainNames.ArticlesTable);
        // Claim the record first. Two runs publishing one article at once (an at-least-once trigger that
        // fired twice) both end up writing the same processedAt: the one the first insert recorded.
        var placeholder = new TableEntity(document.Id, ArticleRows.ArticleRowKey)
        {
            ["PublishState"] = ArticleRows.PublishStatePublishing,
            ["ProcessedAt"] = document.ProcessedAt,
        };
        try
        {
            await articles.AddEntityAsync(placeholder, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await articles.GetEntityAsync<TableEntity>(
                document.Id, ArticleRows.ArticleRowKey, ["PublishState", "ProcessedAt"], cancellationToken).ConfigureAwait(false)).Value;
            if (existing.GetString("PublishState") == ArticleRows.PublishStateComplete)
            {
                logger.LogInformation("Article {ArticleId} was already published; re-delivery ignored", document.Id);
                return PublishResult.AlreadyPublished;
            }
            if (existing.GetDateTimeOffset("ProcessedAt") is { } firstProcessedAt)
            {
                document = document with { ProcessedAt = firstProcessedAt };
            }
        }

        var json = DocumentJson.Serialize(document);
        await clients.Container(ChainNames.ProcessedContainer)
            .GetBlobClient(ArticleRows.DocumentBlobName(document.Id))
            .UploadAsync(BinaryData.FromString(json), new BlobUploadOptions { HttpHeaders = JsonHeaders }, cancellationToken)
            .ConfigureAwait(false);

        var indexRows = ArticleRows.ToIndexEntities(document)
            .Select(row => (Table: ChainNames.ArticleIndexTable, Row: row))
            .Concat(ArticleRows.ToEntityIndexEntities(document).Select(row => (Table: ChainNames.EntityIndexTable, Row: row)));
        // Every index row is in its own partition, so batches cannot group them; upserts run a few at a time instead.
        await Parallel.ForEachAsync(
            indexRows,
            new ParallelOptions { MaxDegreeOfParallelism = IndexWriteParallelism, CancellationToken = cancellationToken },
            async (item, ct) => await clients.Table(item.Table).UpsertEntityAsync(item.Row, TableUpdateMode.Replace, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var notification = new ProcessedNotification(
            document.Id, document.Status, $"{ChainNames.ProcessedContainer}/{ArticleRows.DocumentBlobName(document.Id)}", document.Source.Name);
        await clients.Queue(ChainNames.ProcessedQueue).SendMessageAsync(notification.ToJson(), cancellationToken).ConfigureAwait(false);

        await articles.UpsertEntityAsync(
            ArticleRows.ToArticleEntity(document, json, options.Value.MaxInlineDocumentChars),
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);

        LogOutcome(document);
        return PublishResult.Published;
    }

    private void LogOutcome(ProcessedDocument document)
    {
        var detail = document.Status switch
        {
            ArticleStatus.Processed => $"\"{document.Article?.Title}\", {document.EntitySummary.Count} entities",
            ArticleStatus.Duplicate => $"{document.Dedup?.Kind} duplicate of {document.Dedup?.DuplicateOf}",
            ArticleStatus.Rejected => $"{document.Rejection?.Code}: {document.Rejection?.Message}",
            ArticleStatus.Failed => $"{document.Failure?.Stage}: {document.Failure?.Error}",
            _ => string.Empty,
        };
        logger.LogInformation("{Status,-9} {ArticleId} {SourceName} {Detail}", document.Status, document.Id, document.Source.Name, detail);
    }
}

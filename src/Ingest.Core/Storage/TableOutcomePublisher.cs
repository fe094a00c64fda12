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
/// it complete changes nothing; one that does not (a crash mid-publish) finishes the publish, so
/// notifications are at-least-once and a published document never changes.
/// </summary>
/// <remarks>
/// Two publishers of one article can race (the trigger is at-least-once; a poison drain can meet a late success;
/// two runs may have recognized entities differently). They must not mix their documents, so each write that
/// another publisher may have made first is conditional, and the loser adopts what the winner wrote:
/// <list type="bullet">
/// <item>the Articles placeholder is a conditional insert (409: someone publishes or published this id; read it);</item>
/// <item>the processed blob is created only if absent (409/412: adopt the document already there, or stop if the
/// record is already complete): the first document written is the one every publisher finishes with;</item>
/// <item>the commit replaces the row only if it is still the version this publisher read (412: someone else
/// committed or reopened it since; re-read and leave it alone).</item>
/// </list>
/// A replay deletes the processed blob when it reopens the record, so the new run writes a new document.
/// </remarks>
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
        // Claim the record first. Two runs publishing one article at once both end up writing the same
        // processedAt: the one the first insert recorded.
        var placeholder = new TableEntity(document.Id, ArticleRows.ArticleRowKey)
        {
            ["PublishState"] = ArticleRows.PublishStatePublishing,
            ["ProcessedAt"] = document.ProcessedAt,
        };
        ETag rowVersion;
        try
        {
            rowVersion = (await articles.AddEntityAsync(placeholder, cancellationToken).ConfigureAwait(false)).Headers.ETag ?? ETag.All;
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
            rowVersion = existing.ETag;
            if (existing.GetDateTimeOffset("ProcessedAt") is { } firstProcessedAt)
            {
                document = document with { ProcessedAt = firstProcessedAt };
            }
        }

        var documentBlob = clients.Container(ChainNames.ProcessedContainer).GetBlobClient(ArticleRows.DocumentBlobName(document.Id));
        var json = DocumentJson.Serialize(document);
        try
        {
            await documentBlob.UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { HttpHeaders = JsonHeaders, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another publisher wrote this article's document first (or wrote it and crashed before committing).
            if (await IsPublishedAsync(document.Id, cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("Article {ArticleId} was published by a concurrent run; this run's outcome is dropped", document.Id);
                return PublishResult.AlreadyPublished;
            }
            json = (await documentBlob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            document = DocumentJson.Deserialize(json);
            logger.LogInformation("Article {ArticleId}: finishing the publish of the document a concurrent or earlier run wrote", document.Id);
        }

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

        try
        {
            await articles.UpdateEntityAsync(
                ArticleRows.ToArticleEntity(document, json, options.Value.MaxInlineDocumentChars),
                rowVersion,
                TableUpdateMode.Replace,
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // The row changed after this run read it: a concurrent publisher committed the same document first
            // (it adopted the blob above), or a replay reopened the record for a new run. Either way it is theirs.
            logger.LogInformation("Article {ArticleId} was committed by a concurrent run first; this run leaves it alone", document.Id);
            return PublishResult.AlreadyPublished;
        }

        LogOutcome(document);
        return PublishResult.Published;
    }

    public async Task<bool> IsPublishedAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await clients.Table(ChainNames.ArticlesTable).GetEntityIfExistsAsync<TableEntity>(
            articleId, ArticleRows.ArticleRowKey, ["PublishState"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("PublishState") == ArticleRows.PublishStateComplete;
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

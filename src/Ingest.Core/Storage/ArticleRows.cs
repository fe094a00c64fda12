using Azure.Data.Tables;
using Ingest.Core.Articles;

namespace Ingest.Core.Storage;

/// <summary>
/// How a v1 document maps onto table rows. The Articles row carries the fields consumers filter on and,
/// when it fits in one property (64 KiB), the whole document; otherwise only the processed blob has it,
/// so a large article never fails on Table limits (64 KiB per property, 1 MiB per entity).
/// </summary>
public static class ArticleRows
{
    public const string ArticleRowKey = "article";
    public const string PublishStateComplete = "complete";
    /// <summary>The placeholder a publisher inserts first; the record is visible to consumers only once complete.</summary>
    public const string PublishStatePublishing = "publishing";
    /// <summary>Set by a replay: the record is being reprocessed and its new outcome will replace it.</summary>
    public const string PublishStateReplaying = "replaying";
    private const int MaxShortText = 1_000;

    public static string DocumentBlobName(string articleId) => articleId + ".json";

    public static TableEntity ToArticleEntity(ProcessedDocument document, string documentJson, int maxInlineChars)
    {
        var entity = new TableEntity(document.Id, ArticleRowKey)
        {
            ["Status"] = document.Status,
            ["SchemaVersion"] = document.SchemaVersion,
            ["Title"] = Short(document.Article?.Title),
            ["SourceContainer"] = document.Source.Container,
            ["SourceName"] = Short(document.Source.Name),
            ["SourceETag"] = document.Source.ETag,
            ["SizeBytes"] = document.Source.SizeBytes,
            ["Language"] = document.Article?.Language,
            ["PublishedAt"] = document.Article?.PublishedAt,
            ["WordCount"] = document.Article?.WordCount,
            ["ContentHash"] = document.Dedup?.ContentHash,
            ["DuplicateOf"] = document.Dedup?.DuplicateOf,
            ["DuplicateKind"] = document.Dedup?.Kind,
            ["Similarity"] = document.Dedup?.Similarity,
            ["EntityCount"] = document.EntitySummary.Count,
            ["RejectionCode"] = document.Rejection?.Code,
            ["RejectionMessage"] = Short(document.Rejection?.Message),
            ["FailureStage"] = document.Failure?.Stage,
            ["FailureError"] = Short(document.Failure?.Error),
            ["ProcessedAt"] = document.ProcessedAt,
            ["DocumentBlob"] = $"{ChainNames.ProcessedContainer}/{DocumentBlobName(document.Id)}",
            ["PublishState"] = PublishStateComplete,
        };
        if (documentJson.Length <= maxInlineChars)
        {
            entity["Document"] = documentJson;
        }
        return entity;
    }

    /// <summary>Secondary index rows: one under the status, one under the day, both pointing at the article.</summary>
    public static IEnumerable<TableEntity> ToIndexEntities(ProcessedDocument document)
    {
        var processedAt = document.ProcessedAt ?? throw new InvalidOperationException("Only stamped documents are indexed.");
        yield return IndexEntity(StatusPartition(document.Status), document.Id, document);
        yield return IndexEntity(DayPartition(processedAt), TimeRowKey(processedAt, document.Id), document);
    }

    public static IEnumerable<TableEntity> ToEntityIndexEntities(ProcessedDocument document) =>
        document.EntitySummary.Select(item => new TableEntity(TableKeys.ForEntity(item.Canonical), $"{document.Id}-{item.Category}")
        {
            ["ArticleId"] = document.Id,
            ["Canonical"] = Short(item.Canonical),
            ["Category"] = item.Category,
            ["Mentions"] = item.Mentions,
            ["Title"] = Short(document.Article?.Title),
            ["ProcessedAt"] = document.ProcessedAt,
        });

    public static string StatusPartition(string status) => "status-" + status;

    public static string DayPartition(DateTimeOffset time) => "day-" + time.UtcDateTime.ToString("yyyyMMdd");

    /// <summary>Sortable by time within a day; the id makes rows written in the same tick distinct.</summary>
    public static string TimeRowKey(DateTimeOffset time, string articleId) =>
        time.UtcDateTime.ToString("HHmmssfffffff") + "-" + articleId;

    private static TableEntity IndexEntity(string partition, string rowKey, ProcessedDocument document) => new(partition, rowKey)
    {
        ["ArticleId"] = document.Id,
        ["Status"] = document.Status,
        ["Title"] = Short(document.Article?.Title),
        ["SourceName"] = Short(document.Source.Name),
        ["ProcessedAt"] = document.ProcessedAt,
    };

    private static string? Short(string? text) => text is null || text.Length <= MaxShortText ? text : text[..MaxShortText];
}

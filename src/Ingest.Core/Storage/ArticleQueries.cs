using Azure;
using Azure.Data.Tables;
using Ingest.Core.Articles;

namespace Ingest.Core.Storage;

/// <summary>What a consumer asks of the outcome tables. Each filter starts from the index built for it.</summary>
public sealed record ArticleQuery(string? Status = null, string? Entity = null, DateTimeOffset? Since = null);

/// <summary>
/// Reads published outcomes back as v1 documents: point reads by id, and the status, entity and time
/// indexes for the other access patterns. Missing tables mean nothing was published yet: an empty answer.
/// </summary>
public sealed class ArticleQueries(StorageClients clients, TimeProvider clock)
{
    public async Task<ProcessedDocument?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        try
        {
            var row = await clients.Table(ChainNames.ArticlesTable)
                .GetEntityIfExistsAsync<TableEntity>(articleId, ArticleRows.ArticleRowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            // A row still being published has no document yet: to a consumer it does not exist.
            return row.HasValue && row.Value!.GetString("PublishState") == ArticleRows.PublishStateComplete
                ? await ToDocumentAsync(row.Value, cancellationToken).ConfigureAwait(false)
                : null;
        }
        catch (RequestFailedException ex) when (IsMissingTable(ex))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ProcessedDocument>> FindAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyCollection<string> ids = query switch
            {
                { Entity: { } entity } => await IdsFromPartitionAsync(ChainNames.EntityIndexTable, TableKeys.ForEntity(entity), null, cancellationToken).ConfigureAwait(false),
                { Status: { } status } => await IdsFromPartitionAsync(ChainNames.ArticleIndexTable, ArticleRows.StatusPartition(status), null, cancellationToken).ConfigureAwait(false),
                { Since: { } since } => await IdsSinceAsync(since, cancellationToken).ConfigureAwait(false),
                _ => await AllIdsAsync(cancellationToken).ConfigureAwait(false),
            };

            var documents = new List<ProcessedDocument>(ids.Count);
            foreach (var id in ids)
            {
                var document = await GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (document is not null && Matches(document, query))
                {
                    documents.Add(document);
                }
            }
            return documents
                .OrderBy(d => d.ProcessedAt)
                .ThenBy(d => d.Source.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (RequestFailedException ex) when (IsMissingTable(ex))
        {
            return [];
        }
    }

    private static bool Matches(ProcessedDocument document, ArticleQuery query) =>
        (query.Status is null || document.Status == query.Status)
        && (query.Since is null || document.ProcessedAt >= query.Since)
        && (query.Entity is null || document.EntitySummary.Any(e =>
            string.Equals(TableKeys.ForEntity(e.Canonical), TableKeys.ForEntity(query.Entity), StringComparison.Ordinal)));

    private async Task<IReadOnlyCollection<string>> IdsFromPartitionAsync(string table, string partition, string? fromRowKey, CancellationToken cancellationToken)
    {
        var filter = fromRowKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {fromRowKey}");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in clients.Table(table).QueryAsync<TableEntity>(filter, select: ["ArticleId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("ArticleId") is { } id)
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    private async Task<IReadOnlyCollection<string>> IdsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var today = clock.GetUtcNow().UtcDateTime.Date;
        for (var day = since.UtcDateTime.Date; day <= today; day = day.AddDays(1))
        {
            var fromRowKey = day == since.UtcDateTime.Date ? since.UtcDateTime.ToString("HHmmssfffffff") : null;
            ids.UnionWith(await IdsFromPartitionAsync(ChainNames.ArticleIndexTable, ArticleRows.DayPartition(day), fromRowKey, cancellationToken).ConfigureAwait(false));
        }
        return ids;
    }

    private async Task<IReadOnlyCollection<string>> AllIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.PartitionKey);
        }
        return ids;
    }

    private async Task<ProcessedDocument> ToDocumentAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetString("Document") is { } inline)
        {
            return DocumentJson.Deserialize(inline);
        }
        var blob = clients.Container(ChainNames.ProcessedContainer).GetBlobClient(ArticleRows.DocumentBlobName(row.PartitionKey));
        var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return DocumentJson.Deserialize(content.Value.Content.ToMemory().Span);
    }

    private static bool IsMissingTable(RequestFailedException ex) =>
        ex.Status == 404 && (ex.ErrorCode is null or "TableNotFound" or "ResourceNotFound");
}

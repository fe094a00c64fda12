using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Ingest.Core.Deduplication;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Storage;

/// <summary>
/// The near-duplicate index in table <c>NearDuplicateIndex</c>. Two kinds of row:
/// <list type="bullet">
/// <item>band rows, PK = LSH band key, RK = article id, carrying the article's signature and the partition of its
/// order row, so reading a band confirms its candidates without further requests;</item>
/// <item>order rows, PK = <c>order-{yyyyMMdd}</c>, RK = article id, carrying the article's band keys. The row's
/// server <c>Timestamp</c> is the article's place in the total order, and the day partitions make expired
/// articles listable for cleanup.</item>
/// </list>
/// A claim writes the band rows, then the order row, then reads the bands back. Every article's band rows
/// exist before its order is fixed and it reads only after, so if article X does not see article Y in a shared
/// band, Y wrote that row after X read it, hence after X's order: Y is later. Both never win; see
/// <see cref="CanonicalRule"/>. A lookup costs 2 × bands + 1 requests plus one per confirmed candidate,
/// however large the index is: band partitions hold only articles that hash alike.
/// </summary>
public sealed class TableNearDuplicateIndex(StorageClients clients, IOptions<NearDuplicateOptions> options, TimeProvider clock) : INearDuplicateIndex
{
    internal const string OrderPartitionPrefix = "order-";
    private const string SignatureProperty = "Signature";
    private const string OrderPartitionProperty = "OrderPartition";
    private const string BandKeysProperty = "BandKeys";

    /// <summary>
    /// Table timestamps are stamped in milliseconds by Azurite. Reading only after the order row's tick has passed
    /// keeps "wrote after I read" strictly "ordered after me", never a tie that the id would break the wrong way.
    /// </summary>
    private static readonly TimeSpan OrderSettle = TimeSpan.FromMilliseconds(2);

    private long _requests;

    /// <summary>Storage requests this instance has made, for the scale benchmark's requests-per-article figure.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    private TableClient Table => clients.Table(ChainNames.NearDuplicateIndexTable);

    public async Task<NearDuplicateVerdict> ClaimAsync(string articleId, MinHashSignature signature, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var keys = LshBands.Keys(signature, settings.Bands, settings.RowsPerBand);
        // Article ids are hex digests, so they are row keys as they are; anything else would silently split an article.
        if (!TableKeys.IsValidKey(articleId) || articleId.Length == 0)
        {
            throw new ArgumentException($"Article id '{articleId}' cannot be a table key.", nameof(articleId));
        }
        var rowKey = articleId;
        var orderPartition = await InsertBandRowsAsync(keys, rowKey, signature, cancellationToken).ConfigureAwait(false);
        var self = await InsertOrderRowAsync(orderPartition, rowKey, articleId, keys, cancellationToken).ConfigureAwait(false);
        await Task.Delay(OrderSettle, cancellationToken).ConfigureAwait(false);

        var cutoff = clock.GetUtcNow() - settings.Window;
        var bands = await Task.WhenAll(keys.Select(key => ReadBandAsync(key, cutoff, cancellationToken))).ConfigureAwait(false);
        var rows = bands.SelectMany(b => b).ToList();
        var confirmed = CanonicalRule.Confirm(
            articleId, signature,
            rows.Select(r => new BandCandidate(r.ArticleId, r.Signature)),
            settings.Threshold);

        var partitions = rows.GroupBy(r => r.ArticleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().OrderPartition, StringComparer.Ordinal);
        var orders = await Task.WhenAll(confirmed.Select(async c =>
            (c.ArticleId, Order: await ReadOrderAsync(partitions[c.ArticleId], c.ArticleId, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var orderOf = orders.ToDictionary(o => o.ArticleId, o => o.Order, StringComparer.Ordinal);
        return CanonicalRule.Decide(self, confirmed, id => orderOf[id]);
    }

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Window;
        var lastDay = OrderPartitionPrefix + cutoff.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // Day partitions up to the cutoff's day, and within them only rows stamped before the cutoff.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {OrderPartitionPrefix} and PartitionKey le {lastDay} and Timestamp lt {cutoff}");
        var removed = 0;
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", BandKeysProperty], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            Interlocked.Increment(ref _requests);
            foreach (var order in page.Values)
            {
                var bandKeys = order.GetString(BandKeysProperty)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
                // Band rows first: an order row is what makes the article findable for cleanup, so it goes last.
                await Task.WhenAll(bandKeys.Select(key => DeleteAsync(key, order.RowKey, cancellationToken))).ConfigureAwait(false);
                await DeleteAsync(order.PartitionKey, order.RowKey, cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Writes one row per band; returns the order partition, the one already stored if this is a re-delivery.</summary>
    private async Task<string> InsertBandRowsAsync(string[] keys, string rowKey, MinHashSignature signature, CancellationToken cancellationToken)
    {
        var orderPartition = OrderPartitionPrefix + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var bytes = signature.ToBytes();
        var inserted = await Task.WhenAll(keys.Select(key => TryAddAsync(
            new TableEntity(key, rowKey) { [SignatureProperty] = bytes, [OrderPartitionProperty] = orderPartition },
            cancellationToken))).ConfigureAwait(false);
        if (inserted.All(i => i))
        {
            return orderPartition;
        }
        // A re-delivery (possibly on another day): keep the order partition the first attempt chose.
        Interlocked.Increment(ref _requests);
        var existing = await Table.GetEntityAsync<TableEntity>(keys[Array.IndexOf(inserted, false)], rowKey, [OrderPartitionProperty], cancellationToken).ConfigureAwait(false);
        return existing.Value.GetString(OrderPartitionProperty);
    }

    private async Task<IndexOrder> InsertOrderRowAsync(string orderPartition, string rowKey, string articleId, string[] keys, CancellationToken cancellationToken)
    {
        var row = new TableEntity(orderPartition, rowKey) { [BandKeysProperty] = string.Join(',', keys) };
        try
        {
            Interlocked.Increment(ref _requests);
            await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            // The insert answers without the entity; its Timestamp is read back rather than parsed out of the ETag.
            return await ReadOrderAsync(orderPartition, articleId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The order row of {articleId} vanished right after it was written.");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Re-delivery: the first attempt's place in the order stands.
            return await ReadOrderAsync(orderPartition, articleId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The order row of {articleId} conflicted on insert but cannot be read.", ex);
        }
    }

    private async Task<IndexOrder?> ReadOrderAsync(string orderPartition, string articleId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(orderPartition, articleId, ["Timestamp"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.Timestamp is { } stamp ? new IndexOrder(stamp.UtcTicks, articleId) : null;
    }

    private async Task<IReadOnlyList<BandRow>> ReadBandAsync(string key, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and Timestamp ge {cutoff}");
        var rows = new List<BandRow>();
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            Interlocked.Increment(ref _requests);
            rows.AddRange(page.Values.Select(row => new BandRow(
                row.RowKey,
                MinHashSignature.FromBytes(row.GetBinary(SignatureProperty)),
                row.GetString(OrderPartitionProperty))));
        }
        return rows;
    }

    private async Task<bool> TryAddAsync(TableEntity row, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        // 404 is fine: an earlier cleanup run got this far before it stopped.
        await Table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private sealed record BandRow(string ArticleId, MinHashSignature Signature, string OrderPartition);
}

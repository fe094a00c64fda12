using System.Buffers.Binary;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Ingest.Core.Deduplication;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Storage;

/// <summary>
/// The near-duplicate index in table <c>NearDuplicateIndex</c>. Every lookup is a point read, because a partition
/// query is a scan on Azurite and a range scan on Azure, while a point read is served from the key index on both.
/// Two kinds of row:
/// <list type="bullet">
/// <item>bucket rows, PK = RK = LSH band key: one property per member article, <c>m{id}</c>, holding
/// its signature and (once known) its order stamp, so reading a bucket confirms and orders its members with no further
/// request. A member is added with an InsertOrMerge of its own property: atomic on the server, no read, no ETag race
/// between articles that share a bucket. The row key repeats the band key rather than being one constant: Azurite's
/// point read looks the row key up in its index first and filters the partition key after, so a row key shared by
/// every bucket would make each read a scan of all buckets;</item>
/// <item>order rows, PK = <c>order</c>, RK = article id, carrying the article's band keys (for cleanup). The row's
/// server timestamp (its ETag) is the article's place in the total order. One partition, so one clock orders all.</item>
/// </list>
/// A claim (1) merges itself into its buckets, (2) inserts its order row, (3) waits out the timestamp resolution and
/// (4) reads its buckets, while writing its order stamp back into its member properties. Every article is in its
/// buckets before its order is fixed and reads only after, so if article X does not see article Y in a shared bucket,
/// Y merged after X read, hence after X's order row existed, and Y's order row comes later still: Y is later. A member
/// without a stamp yet (its claim is in flight) costs one point read of its order row; a missing order row means
/// "later" by the same argument. The earliest confirmed article by (stamp, id) is canonical (<see cref="CanonicalRule"/>),
/// so two racing articles never both win. A lookup is 3 × bands + 1 requests whatever the index size.
/// <para>
/// Limits: an entity holds at most 252 properties besides its keys and timestamp (1 MB, 64 KiB per property). A member is ~600 bytes, so a bucket is
/// full at <see cref="MaxBucketMembers"/> members: only an exact LSH band shared by that many articles inside the window
/// (one story indexed hundreds of times) fills one. Azure then refuses the merge (400); the article is not added to that
/// bucket but still reads it, and still joins its other buckets. Azurite does not enforce the property count.
/// </para>
/// </summary>
public sealed class TableNearDuplicateIndex(StorageClients clients, IOptions<NearDuplicateOptions> options, TimeProvider clock) : INearDuplicateIndex
{
    internal const string OrderPartition = "order";
    internal const string MemberPropertyPrefix = "m";
    private const string BandKeysProperty = "BandKeys";

    /// <summary>255 properties per entity on Azure, three of them PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxBucketMembers = 252;

    /// <summary>
    /// Table timestamps are stamped in milliseconds (Azurite pads them with sub-millisecond digits that are not
    /// monotonic). Reading only after the order stamp's millisecond has passed keeps "wrote after I read" strictly
    /// "ordered after me", never a tie that the id would break the wrong way.
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
        var property = MemberProperty(articleId);

        await Task.WhenAll(keys.Select(key => MergeMemberAsync(key, property, MemberValue.Encode(0, signature), cancellationToken))).ConfigureAwait(false);
        var self = await InsertOrderRowAsync(articleId, keys, cancellationToken).ConfigureAwait(false);
        await Task.Delay(OrderSettle, cancellationToken).ConfigureAwait(false);

        // The stamp written back spares later readers the order-row read; it is the same value the order row holds.
        var stamped = MemberValue.Encode(self.Key, signature);
        var writeBack = Task.WhenAll(keys.Select(key => MergeMemberAsync(key, property, stamped, cancellationToken)));
        var buckets = await Task.WhenAll(keys.Select(key => ReadBucketAsync(key, cancellationToken))).ConfigureAwait(false);
        await writeBack.ConfigureAwait(false);

        var members = buckets.SelectMany(b => b).GroupBy(m => m.ArticleId, StringComparer.Ordinal).Select(g => g.MaxBy(m => m.Stamp)!).ToList();
        var confirmed = CanonicalRule.Confirm(articleId, signature, members.Select(m => new BandCandidate(m.ArticleId, m.Signature)), settings.Threshold);
        var stampOf = members.ToDictionary(m => m.ArticleId, m => m.Stamp, StringComparer.Ordinal);
        var orders = await Task.WhenAll(confirmed.Select(async c => (c.ArticleId, Order: stampOf[c.ArticleId] is var stamp and > 0
            ? new IndexOrder(stamp, c.ArticleId)
            : await ReadOrderAsync(c.ArticleId, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var orderOf = orders.ToDictionary(o => o.ArticleId, o => o.Order, StringComparer.Ordinal);

        // The window: an original ordered before the cutoff no longer counts, whether or not cleanup has removed it yet.
        var cutoff = (clock.GetUtcNow() - settings.Window).UtcTicks;
        var current = confirmed.Where(c => orderOf[c.ArticleId] is not { } order || order.Key >= cutoff).ToList();
        return CanonicalRule.Decide(self, current, id => orderOf[id]);
    }

    /// <summary>
    /// Writes what a finished claim leaves behind (order row, then stamped members) without the lookup: 1 + bands
    /// requests instead of 3 × bands + 1. For filling an index in benchmarks and backfills only: it makes no verdict,
    /// so it must not race claims of the same story.
    /// </summary>
    public async Task BackfillAsync(string articleId, MinHashSignature signature, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var keys = LshBands.Keys(signature, settings.Bands, settings.RowsPerBand);
        var property = MemberProperty(articleId);
        var order = await InsertOrderRowAsync(articleId, keys, cancellationToken).ConfigureAwait(false);
        var value = MemberValue.Encode(order.Key, signature);
        await Task.WhenAll(keys.Select(key => MergeMemberAsync(key, property, value, cancellationToken))).ConfigureAwait(false);
    }

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Window;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OrderPartition} and Timestamp lt {cutoff}");
        var removed = 0;
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", BandKeysProperty], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            Interlocked.Increment(ref _requests);
            var expired = page.Values.Select(order => (Id: order.RowKey, Keys: order.GetString(BandKeysProperty)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])).ToList();
            // One rewrite per bucket for the whole page; buckets first, order rows last, because an order row is what
            // makes an article findable for cleanup: a run stopped half-way leaves nothing unfindable behind.
            var byBucket = expired.SelectMany(e => e.Keys.Select(key => (Key: key, e.Id))).GroupBy(x => x.Key, x => MemberProperty(x.Id), StringComparer.Ordinal);
            await Parallel.ForEachAsync(byBucket, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (bucket, ct) => await RemoveMembersAsync(bucket.Key, bucket.ToHashSet(StringComparer.Ordinal), ct).ConfigureAwait(false)).ConfigureAwait(false);
            await Parallel.ForEachAsync(expired, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (order, ct) => await DeleteAsync(OrderPartition, order.Id, ETag.All, ct).ConfigureAwait(false)).ConfigureAwait(false);
            removed += expired.Count;
        }
        return removed;
    }

    /// <summary>Article ids become property names, which allow only letters, digits and underscores.</summary>
    private static string MemberProperty(string articleId)
    {
        if (articleId.Length is 0 or > 200 || !articleId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Article id '{articleId}' cannot name a table property (letters, digits and '_', at most 200).", nameof(articleId));
        }
        return MemberPropertyPrefix + articleId;
    }

    private async Task MergeMemberAsync(string bucketKey, string property, byte[] value, CancellationToken cancellationToken)
    {
        var row = new TableEntity(bucketKey, bucketKey) { [property] = value };
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _requests);
            try
            {
                await Table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < 3)
            {
                // Azurite answers InsertOrMerge as read-then-insert, so two first members of one bucket can collide; the
                // second merges on retry. Azure does it atomically.
            }
            catch (RequestFailedException ex) when (ex.Status == 400 && ex.ErrorCode is "TooManyProperties" or "EntityTooLarge")
            {
                // A full bucket (see the class comment): this article still reads it, it just cannot join it.
                return;
            }
        }
    }

    /// <summary>Inserts the order row; a re-delivery finds the first one and keeps its place.</summary>
    private async Task<IndexOrder> InsertOrderRowAsync(string articleId, string[] keys, CancellationToken cancellationToken)
    {
        var row = new TableEntity(OrderPartition, articleId) { [BandKeysProperty] = string.Join(',', keys) };
        try
        {
            Interlocked.Increment(ref _requests);
            var response = await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            // The insert's ETag carries the server timestamp it stamped, the same value later reads of the row return.
            if (StampOf(response.Headers.ETag, null) is { } stamp)
            {
                return new IndexOrder(stamp, articleId);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Re-delivery: the first attempt's place in the order stands.
        }
        return await ReadOrderAsync(articleId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The order row of {articleId} was written but cannot be read.");
    }

    private async Task<IndexOrder?> ReadOrderAsync(string articleId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(OrderPartition, articleId, ["RowKey"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && StampOf(row.Value!.ETag, row.Value.Timestamp) is { } stamp ? new IndexOrder(stamp, articleId) : null;
    }

    private async Task<IReadOnlyList<Member>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(bucketKey, bucketKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return [];
        }
        var members = new List<Member>();
        foreach (var (name, value) in row.Value!)
        {
            if (name.StartsWith(MemberPropertyPrefix, StringComparison.Ordinal) && value is byte[] bytes)
            {
                var (stamp, signature) = MemberValue.Decode(bytes);
                members.Add(new Member(name[MemberPropertyPrefix.Length..], signature, stamp));
            }
        }
        return members;
    }

    /// <summary>Rewrites a bucket without the given members, conditional on its ETag so a member merged meanwhile is kept.</summary>
    private async Task RemoveMembersAsync(string bucketKey, HashSet<string> properties, CancellationToken cancellationToken)
    {
        while (true)
        {
            Interlocked.Increment(ref _requests);
            var read = await Table.GetEntityIfExistsAsync<TableEntity>(bucketKey, bucketKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!read.HasValue)
            {
                return;
            }
            var bucket = read.Value!;
            var kept = new TableEntity(bucketKey, bucketKey);
            foreach (var (name, value) in bucket)
            {
                if (name.StartsWith(MemberPropertyPrefix, StringComparison.Ordinal) && !properties.Contains(name))
                {
                    kept[name] = value;
                }
            }
            try
            {
                Interlocked.Increment(ref _requests);
                if (kept.Count == 2)
                {
                    // PartitionKey and RowKey only: nobody is left.
                    await Table.DeleteEntityAsync(bucketKey, bucketKey, bucket.ETag, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Table.UpdateEntityAsync(kept, bucket.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // A claim merged a member (or another cleanup run got here) between the read and the write: read again.
            }
        }
    }

    private async Task DeleteAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        // 404 is fine: an earlier cleanup run got this far before it stopped.
        await Table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Table ETags are <c>W/"datetime'2026-11-23T05:00:00.1234567Z'"</c> (URL-encoded), the row's timestamp at full
    /// precision; every stamp is taken from there so all hosts compare the same values.
    /// </summary>
    internal static long? StampOf(ETag? etag, DateTimeOffset? timestamp)
    {
        var text = etag?.ToString();
        const string Prefix = "datetime'";
        var start = text?.IndexOf(Prefix, StringComparison.Ordinal) ?? -1;
        if (start >= 0)
        {
            start += Prefix.Length;
            var end = text!.IndexOf('\'', start);
            if (end > start && DateTimeOffset.TryParse(Uri.UnescapeDataString(text[start..end]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return parsed.UtcTicks;
            }
        }
        return timestamp?.UtcTicks;
    }

    private sealed record Member(string ArticleId, MinHashSignature Signature, long Stamp);

    /// <summary>A member property: the order stamp in UTC ticks (0 = not ordered yet), then the signature's bytes.</summary>
    private static class MemberValue
    {
        public static byte[] Encode(long stamp, MinHashSignature signature)
        {
            var signatureBytes = signature.ToBytes();
            var bytes = new byte[sizeof(long) + signatureBytes.Length];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, stamp);
            signatureBytes.CopyTo(bytes.AsSpan(sizeof(long)));
            return bytes;
        }

        public static (long Stamp, MinHashSignature Signature) Decode(byte[] bytes) =>
            bytes.Length <= sizeof(long)
                ? throw new FormatException($"A bucket member of {bytes.Length} bytes holds no signature.")
                : (BinaryPrimitives.ReadInt64LittleEndian(bytes), MinHashSignature.FromBytes(bytes.AsSpan(sizeof(long))));
    }
}

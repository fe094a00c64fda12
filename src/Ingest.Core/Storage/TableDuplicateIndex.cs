using Azure;
using Azure.Data.Tables;
using Ingest.Core.Deduplication;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Storage;

/// <summary>
/// Exact-duplicate claims as rows keyed by content hash. The insert is the claim: Table storage lets
/// exactly one insert of a key succeed, every other gets 409 and reads who won. No read-then-write,
/// so concurrent hosts cannot both become canonical.
/// <para>
/// Claims obey the dedup window like near-duplicate entries: a claim stamped before the cutoff no longer owns its
/// hash. The next article with that content takes it over with a replace conditional on the stale row's ETag, so of
/// several articles racing for an expired hash exactly one replace succeeds (the rest get 412, read again and find
/// the fresh owner). Cleanup deletes stale claims, also conditionally, so it never deletes a takeover.
/// </para>
/// </summary>
public sealed class TableDuplicateIndex(StorageClients clients, IOptions<NearDuplicateOptions> options, TimeProvider clock) : IDuplicateIndex
{
    private const string ExactRowKey = "exact";
    private const string ArticleIdProperty = "ArticleId";

    private TableClient Table => clients.Table(ChainNames.DedupClaimsTable);

    public async Task<DuplicateClaim> ClaimExactAsync(string contentHash, string articleId, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(contentHash, ExactRowKey) { [ArticleIdProperty] = articleId };
        // Each pass either decides or saw another writer change the row in between; the loop ends when the row
        // holds still long enough to be read and, if stale, replaced.
        while (true)
        {
            try
            {
                await Table.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
                return new DuplicateClaim(true, articleId);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone holds the hash: read who, and since when.
            }

            // No $select: the decision needs the row's Timestamp and ETag, which a projection may leave out.
            var read = await Table.GetEntityIfExistsAsync<TableEntity>(contentHash, ExactRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!read.HasValue)
            {
                continue; // Cleanup deleted the stale claim between our insert and read: insert again.
            }
            var owner = read.Value!;
            var ownerId = owner.GetString(ArticleIdProperty);
            if (ownerId == articleId || !IsExpired(owner))
            {
                return new DuplicateClaim(ownerId == articleId, ownerId);
            }
            try
            {
                await Table.UpdateEntityAsync(claim, owner.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new DuplicateClaim(true, articleId);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another article took the stale claim over first, or cleanup removed it: decide again from the new state.
            }
        }
    }

    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ExactRowKey} and Timestamp lt {cutoff}");
        var removed = 0;
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            foreach (var stale in page.Values)
            {
                try
                {
                    await Table.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, stale.ETag, cancellationToken).ConfigureAwait(false);
                    removed++;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Taken over by a new article after the query: that claim is current, keep it.
                }
            }
        }
        return removed;
    }

    private bool IsExpired(TableEntity claim) => claim.Timestamp is { } stamp && stamp < Cutoff();

    private DateTimeOffset Cutoff() => clock.GetUtcNow() - options.Value.Window;
}

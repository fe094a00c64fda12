using Azure;
using Azure.Data.Tables;
using Ingest.Core.Deduplication;

namespace Ingest.Core.Storage;

/// <summary>
/// Exact-duplicate claims as rows keyed by content hash. The insert is the claim: Table storage lets
/// exactly one insert of a key succeed, every other gets 409 and reads who won. No read-then-write,
/// so concurrent hosts cannot both become canonical.
/// </summary>
public sealed class TableDuplicateIndex(StorageClients clients) : IDuplicateIndex
{
    private const string ExactRowKey = "exact";

    public async Task<DuplicateClaim> ClaimExactAsync(string contentHash, string articleId, CancellationToken cancellationToken)
    {
        var table = clients.Table(ChainNames.DedupClaimsTable);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(contentHash, ExactRowKey) { ["ArticleId"] = articleId },
                cancellationToken).ConfigureAwait(false);
            return new DuplicateClaim(true, articleId);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var owner = await table.GetEntityAsync<TableEntity>(contentHash, ExactRowKey, ["ArticleId"], cancellationToken).ConfigureAwait(false);
            var ownerId = owner.Value.GetString("ArticleId");
            return new DuplicateClaim(ownerId == articleId, ownerId);
        }
    }
}

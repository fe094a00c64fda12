using System.Collections.Concurrent;
using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The safety net under the blob trigger. The scan-based trigger of the storage extension can miss a
/// blob version (an overwrite landing within the same second as its previous scan, blobs written while
/// no host ran and the scan checkpoint moved on), and under load it reaches new blobs slowly. A periodic
/// sweep finds incoming blob versions that are older than a grace period and have neither a published
/// outcome nor a work item in flight, and hands each over on <see cref="ChainNames.CleanQueue"/>, where
/// every host cleans them with the queue's retries and poison handling. It does not clean them itself: a
/// cleaning run cut short between saving its work item and queueing the next stage (the sweep timer's run
/// cancelled, its host restarted) would leave the blob looking in flight forever, with nothing to retry it.
/// The chain is idempotent per blob version, so a hand-over that races the trigger only repeats work; it
/// never creates a second record.
/// </summary>
public sealed class IncomingReconciler(
    StorageClients clients,
    IWorkItemStore workItems,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<IncomingReconciler> logger)
{
    private const int SweepParallelism = 8;

    // Versions already known to have an outcome, so each sweep reads only what is new since the last one.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _settled = new(StringComparer.Ordinal);

    // Versions this instance handed over whose cleaning has not started yet (their request may wait behind a backlog):
    // handed over once, not at every sweep. Another instance taking over the timer hands them over once more, which
    // the chain absorbs.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _handedOver = new(StringComparer.Ordinal);

    /// <summary>One sweep; returns how many blob versions it handed over.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var recovered = 0;
        var container = clients.Container(ChainNames.IncomingContainer);
        var cleanQueue = clients.Queue(ChainNames.CleanQueue);
        if (!(await container.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
        {
            return 0;
        }

        // Blobs are checked several at a time: each is a few storage round trips, and one at a time a sweep after a
        // burst of uploads (thousands the scan-based trigger has not reached yet) would feed the chain slower than its
        // queue stages drain it.
        await Parallel.ForEachAsync(
            container.GetBlobsAsync(cancellationToken: cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = SweepParallelism, CancellationToken = cancellationToken },
            async (blob, token) =>
            {
                var modified = blob.Properties.LastModified;
                if (modified is null || modified > now - settings.ReconcileGrace || modified < now - settings.ReconcileWindow)
                {
                    return;
                }

                var etag = blob.Properties.ETag?.ToString();
                var articleId = ArticleId.ForBlob(ChainNames.IncomingContainer, blob.Name, etag);
                if (_settled.ContainsKey(articleId))
                {
                    return;
                }

                switch (await StateOfAsync(articleId, token).ConfigureAwait(false))
                {
                    case BlobState.Published:
                        _settled[articleId] = modified.Value;
                        _handedOver.TryRemove(articleId, out _);
                        break;
                    case BlobState.InFlight:
                        _handedOver.TryRemove(articleId, out _);
                        break;
                    case BlobState.Missed when _handedOver.ContainsKey(articleId):
                        break;
                    case BlobState.Missed:
                        await cleanQueue.SendMessageAsync(CleanRequest.ToJson(new SourceBlobRef(ChainNames.IncomingContainer, blob.Name, etag)), token)
                            .ConfigureAwait(false);
                        _handedOver[articleId] = modified.Value;
                        logger.LogWarning("Recovered {BlobName} ({ArticleId}): the blob trigger had not picked it up within {Grace}; queued for cleaning",
                            blob.Name, articleId, settings.ReconcileGrace);
                        Interlocked.Increment(ref recovered);
                        break;
                }
            }).ConfigureAwait(false);

        foreach (var known in new[] { _settled, _handedOver })
        {
            foreach (var (id, modified) in known)
            {
                if (modified < now - settings.ReconcileWindow)
                {
                    known.TryRemove(id, out _);
                }
            }
        }
        return recovered;
    }

    private enum BlobState
    {
        Published,
        InFlight,
        Missed,
    }

    private async Task<BlobState> StateOfAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await clients.Table(ChainNames.ArticlesTable).GetEntityIfExistsAsync<TableEntity>(
            articleId, ArticleRows.ArticleRowKey, ["PublishState"], cancellationToken).ConfigureAwait(false);
        if (row.HasValue)
        {
            return BlobState.Published;
        }
        // Every run of the chain writes the cleaned work item first, so its presence means a run is under way.
        return await workItems.ExistsAsync(articleId, WorkItems.Cleaned, cancellationToken).ConfigureAwait(false)
            ? BlobState.InFlight
            : BlobState.Missed;
    }
}

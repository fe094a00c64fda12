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

    /// <summary>
    /// At most this many hand-overs per sweep. A backlog of ten thousand blobs otherwise made one sweep thirty thousand
    /// requests (two state reads and a message each), which on Azurite took most of its capacity away from the chain; the
    /// rest are handed over by the next sweeps, long before the chain could have reached them.
    /// </summary>
    internal const int MaxHandOversPerSweep = 500;

    /// <summary>How long a blob found in flight is left alone before its state is read again (to learn it was published).</summary>
    internal static readonly TimeSpan InFlightRecheck = TimeSpan.FromMinutes(5);

    // Versions already known to have an outcome, so each sweep reads only what is new since the last one.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _settled = new(StringComparer.Ordinal);

    // Versions this instance handed over (their request may wait behind a backlog): handed over once, and their state is
    // not read again, since the clean queue's retries and poison drain give each one an outcome. Another instance taking
    // over the timer hands them over once more, which the chain absorbs.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _handedOver = new(StringComparer.Ordinal);

    // Versions found in flight → when to read their state again. A blob in flight is the chain's; reading it at every
    // sweep (two requests each, thousands under a backlog) only learns later that it was published.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _inFlightUntil = new(StringComparer.Ordinal);

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
        // Stops the listing once this sweep has handed over its share; the next sweep goes on from what is left.
        using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Blobs are checked several at a time: each is a few storage round trips, and one at a time a sweep after a
        // burst of uploads (thousands the scan-based trigger has not reached yet) would feed the chain slower than its
        // queue stages drain it.
        try
        {
            await Parallel.ForEachAsync(
                container.GetBlobsAsync(cancellationToken: enough.Token),
                new ParallelOptions { MaxDegreeOfParallelism = SweepParallelism, CancellationToken = enough.Token },
                async (blob, token) =>
                {
                    var modified = blob.Properties.LastModified;
                    if (modified is null || modified > now - settings.ReconcileGrace || modified < now - settings.ReconcileWindow)
                    {
                        return;
                    }

                    var etag = blob.Properties.ETag?.ToString();
                    var articleId = ArticleId.ForBlob(ChainNames.IncomingContainer, blob.Name, etag);
                    if (_settled.ContainsKey(articleId) || _handedOver.ContainsKey(articleId)
                        || _inFlightUntil.TryGetValue(articleId, out var recheck) && now < recheck)
                    {
                        return;
                    }

                    switch (await StateOfAsync(articleId, token).ConfigureAwait(false))
                    {
                        case BlobState.Published:
                            _settled[articleId] = modified.Value;
                            _inFlightUntil.TryRemove(articleId, out _);
                            break;
                        case BlobState.InFlight:
                            _inFlightUntil[articleId] = now + InFlightRecheck;
                            break;
                        case BlobState.Missed:
                            if (Interlocked.Increment(ref recovered) > MaxHandOversPerSweep)
                            {
                                Interlocked.Decrement(ref recovered);
                                await enough.CancelAsync().ConfigureAwait(false);
                                return;
                            }
                            _inFlightUntil.TryRemove(articleId, out _);
                            // The sweep's own token: a hand-over under way when the limit stops the listing is finished, not cut.
                            await cleanQueue.SendMessageAsync(CleanRequest.ToJson(new SourceBlobRef(ChainNames.IncomingContainer, blob.Name, etag)), cancellationToken)
                                .ConfigureAwait(false);
                            _handedOver[articleId] = modified.Value;
                            logger.LogWarning("Recovered {BlobName} ({ArticleId}): the blob trigger had not picked it up within {Grace}; queued for cleaning",
                                blob.Name, articleId, settings.ReconcileGrace);
                            break;
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (enough.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Reconcile sweep handed over {Count} blobs, its limit per sweep; the next sweep goes on with the rest", recovered);
        }

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
        foreach (var (id, recheck) in _inFlightUntil)
        {
            if (recheck < now)
            {
                _inFlightUntil.TryRemove(id, out _);
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

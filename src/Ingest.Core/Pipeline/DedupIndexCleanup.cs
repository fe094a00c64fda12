using System.Diagnostics;
using Ingest.Core.Deduplication;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The scheduled half of the dedup window: entries older than <see cref="NearDuplicateOptions.Window"/> already stop
/// matching when claims read them; this removes them so the index does not grow without end. Exact claims go first:
/// they are cheap and independent of the near-duplicate index.
/// </summary>
public sealed class DedupIndexCleanup(IDuplicateIndex exact, INearDuplicateIndex near, ILogger<DedupIndexCleanup> logger)
{
    public async Task<DedupCleanupResult> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var claims = await exact.RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        var articles = await near.RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Dedup cleanup removed {ExpiredExactClaims} expired exact claims and {ExpiredNearDuplicateArticles} expired near-duplicate index articles in {ElapsedMs} ms",
            claims, articles, watch.ElapsedMilliseconds);
        return new DedupCleanupResult(claims, articles);
    }
}

/// <summary>What one cleanup run removed.</summary>
public sealed record DedupCleanupResult(int ExactClaims, int NearDuplicateArticles);

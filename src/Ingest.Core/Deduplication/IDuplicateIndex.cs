namespace Ingest.Core.Deduplication;

/// <summary>The answer to "who owns this content?": this article (canonical) or an earlier one.</summary>
public sealed record DuplicateClaim(bool IsCanonical, string CanonicalId);

/// <summary>
/// Claims content hashes for articles. A claim is a conditional insert: the first article to insert a
/// hash owns it, every later one learns the owner's id. Never read-then-write, so two hosts racing on
/// the same content end with exactly one canonical record. Claiming again with the owner's own id
/// answers canonical, which keeps re-delivered messages idempotent. A claim older than the dedup window
/// (<see cref="NearDuplicateOptions.Window"/>) owns nothing: the next article with that content becomes canonical.
/// </summary>
public interface IDuplicateIndex
{
    Task<DuplicateClaim> ClaimExactAsync(string contentHash, string articleId, CancellationToken cancellationToken);

    /// <summary>Removes claims older than the window (they already stopped owning their hash); returns how many.</summary>
    Task<int> RemoveExpiredAsync(CancellationToken cancellationToken);
}

namespace Ingest.Core.Deduplication;

/// <summary>The outcome of the near-duplicate check: canonical, or a near duplicate of an earlier article with its estimated similarity.</summary>
public sealed record NearDuplicateVerdict(string? DuplicateOf, double? Similarity)
{
    public static readonly NearDuplicateVerdict Canonical = new(null, null);

    public bool IsCanonical => DuplicateOf is null;
}

/// <summary>
/// Near-duplicate claims over LSH bands. An article is first indexed (its band entries and its place in a total
/// order are stored), then its bands are read back; among the candidates whose signatures confirm the match,
/// the article earliest in the order is the canonical one. Because every article writes before it reads, of two
/// articles racing on the same story the later one always sees the earlier, so they never both win. Claiming
/// again with the same id keeps its first place in the order, so re-delivered messages get the same answer.
/// </summary>
public interface INearDuplicateIndex
{
    Task<NearDuplicateVerdict> ClaimAsync(string articleId, MinHashSignature signature, CancellationToken cancellationToken);

    /// <summary>Removes entries older than the window (they already stopped matching); returns how many articles were removed.</summary>
    Task<int> RemoveExpiredAsync(CancellationToken cancellationToken);
}

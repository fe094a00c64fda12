namespace Ingest.Core.Deduplication;

/// <summary>An article's place in the index's total order: the order key first, the id breaks ties.</summary>
public readonly record struct IndexOrder(long Key, string ArticleId) : IComparable<IndexOrder>
{
    public int CompareTo(IndexOrder other)
    {
        var byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : string.CompareOrdinal(ArticleId, other.ArticleId);
    }
}

/// <summary>A stored article that shares a band with the one being checked.</summary>
public sealed record BandCandidate(string ArticleId, MinHashSignature Signature);

/// <summary>A candidate whose signature confirmed the match, with its similarity to the article being checked.</summary>
public sealed record ConfirmedCandidate(string ArticleId, double Similarity);

/// <summary>
/// The decision every index implementation applies, from stored data only: confirm candidates by signature
/// similarity, then the earliest confirmed article in the total order (the checked article included) is canonical.
/// </summary>
public static class CanonicalRule
{
    public static IReadOnlyList<ConfirmedCandidate> Confirm(
        string articleId, MinHashSignature signature, IEnumerable<BandCandidate> candidates, double threshold)
    {
        var confirmed = new List<ConfirmedCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { articleId };
        foreach (var candidate in candidates)
        {
            if (seen.Add(candidate.ArticleId) && signature.EstimateJaccard(candidate.Signature) is var similarity && similarity >= threshold)
            {
                confirmed.Add(new ConfirmedCandidate(candidate.ArticleId, similarity));
            }
        }
        return confirmed;
    }

    /// <summary>
    /// <paramref name="orderOf"/> gives each confirmed candidate's place, or null when it has none yet: such an
    /// article had not finished indexing when this one was ordered, so it comes later and cannot be the original.
    /// </summary>
    public static NearDuplicateVerdict Decide(IndexOrder self, IReadOnlyList<ConfirmedCandidate> confirmed, Func<string, IndexOrder?> orderOf)
    {
        var earliest = self;
        ConfirmedCandidate? original = null;
        foreach (var candidate in confirmed)
        {
            if (orderOf(candidate.ArticleId) is { } order && order.CompareTo(earliest) < 0)
            {
                earliest = order;
                original = candidate;
            }
        }
        return original is null ? NearDuplicateVerdict.Canonical : new NearDuplicateVerdict(original.ArticleId, original.Similarity);
    }
}

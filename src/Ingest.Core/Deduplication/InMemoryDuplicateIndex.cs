using System.Collections.Concurrent;

namespace Ingest.Core.Deduplication;

/// <summary>The same claim rule over a dictionary, for <c>ingest process</c>, evaluation and benchmarks.</summary>
public sealed class InMemoryDuplicateIndex : IDuplicateIndex
{
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    public Task<DuplicateClaim> ClaimExactAsync(string contentHash, string articleId, CancellationToken cancellationToken)
    {
        var owner = _owners.GetOrAdd(contentHash, articleId);
        return Task.FromResult(new DuplicateClaim(owner == articleId, owner));
    }
}

namespace Ingest.Core.Deduplication;

/// <summary>
/// The same claim rule over a dictionary, for <c>ingest process</c>, evaluation and benchmarks: first claim owns the
/// hash until it is older than the window, then the next claimant takes it over.
/// </summary>
public sealed class InMemoryDuplicateIndex(TimeSpan window, TimeProvider clock) : IDuplicateIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Owner, DateTimeOffset ClaimedAt)> _owners = new(StringComparer.Ordinal);

    /// <summary>An index with the default window on the system clock.</summary>
    public InMemoryDuplicateIndex()
        : this(new NearDuplicateOptions().Window, TimeProvider.System)
    {
    }

    public Task<DuplicateClaim> ClaimExactAsync(string contentHash, string articleId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_owners.TryGetValue(contentHash, out var claim) || (claim.Owner != articleId && claim.ClaimedAt < now - window))
            {
                _owners[contentHash] = claim = (articleId, now);
            }
            return Task.FromResult(new DuplicateClaim(claim.Owner == articleId, claim.Owner));
        }
    }

    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = clock.GetUtcNow() - window;
        lock (_gate)
        {
            var expired = _owners.Where(o => o.Value.ClaimedAt < cutoff).Select(o => o.Key).ToList();
            expired.ForEach(hash => _owners.Remove(hash));
            return Task.FromResult(expired.Count);
        }
    }
}

namespace Ingest.Core.Deduplication;

/// <summary>
/// The near-duplicate index in memory, for <c>ingest process</c> and the evaluation: the same bands, the same
/// confirmation and the same canonical rule as the table index, with an insertion counter as the order.
/// <see cref="RequestCount"/> counts the storage requests the table index would make for the same work.
/// </summary>
public sealed class InMemoryNearDuplicateIndex(NearDuplicateOptions options, TimeProvider clock) : INearDuplicateIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<string>> _bands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _sequence;
    private long _requests;

    public long RequestCount => Interlocked.Read(ref _requests);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public Task<NearDuplicateVerdict> ClaimAsync(string articleId, MinHashSignature signature, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var keys = LshBands.Keys(signature, options.Bands, options.RowsPerBand);
        var now = clock.GetUtcNow();
        var cutoff = now - options.Window;
        lock (_gate)
        {
            if (!_entries.TryGetValue(articleId, out var self))
            {
                self = new Entry(signature, new IndexOrder(++_sequence, articleId), now, keys);
                _entries.Add(articleId, self);
                foreach (var key in keys)
                {
                    if (!_bands.TryGetValue(key, out var members))
                    {
                        _bands[key] = members = [];
                    }
                    members.Add(articleId);
                }
            }

            var candidates = keys
                .SelectMany(key => _bands.GetValueOrDefault(key) ?? [])
                .Select(id => (Id: id, Entry: _entries[id]))
                .Where(c => c.Entry.IndexedAt >= cutoff)
                .Select(c => new BandCandidate(c.Id, c.Entry.Signature));
            var confirmed = CanonicalRule.Confirm(articleId, signature, candidates, options.Threshold);
            // Bucket merges, the order row insert, bucket reads and the stamp written back into the buckets. Stored
            // stamps spare the table index order-row reads except for candidates whose claim is in flight at that
            // moment, which never happens here: claims are serialized.
            Interlocked.Add(ref _requests, 3L * keys.Length + 1);
            return Task.FromResult(CanonicalRule.Decide(self.Order, confirmed, id => _entries[id].Order));
        }
    }

    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = clock.GetUtcNow() - options.Window;
        lock (_gate)
        {
            var expired = _entries.Where(e => e.Value.IndexedAt < cutoff).ToList();
            foreach (var (id, entry) in expired)
            {
                foreach (var key in entry.BandKeys)
                {
                    if (_bands.TryGetValue(key, out var members) && members.Remove(id) && members.Count == 0)
                    {
                        _bands.Remove(key);
                    }
                }
                _entries.Remove(id);
            }
            return Task.FromResult(expired.Count);
        }
    }

    private sealed record Entry(MinHashSignature Signature, IndexOrder Order, DateTimeOffset IndexedAt, string[] BandKeys);
}

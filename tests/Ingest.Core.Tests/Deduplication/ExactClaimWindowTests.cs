using Ingest.Core.Deduplication;
using Ingest.Core.Tests.Recognition.AzureLanguage;

namespace Ingest.Core.Tests.Deduplication;

/// <summary>The in-memory exact index (used by <c>ingest process</c> and the evaluation) applies the same window as the table.</summary>
public sealed class ExactClaimWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_claim_owns_its_hash_for_the_window_then_the_next_copy_takes_it_over()
    {
        var index = new InMemoryDuplicateIndex(Window, _clock);
        await index.ClaimExactAsync("hash", "first", CancellationToken.None);
        _clock.Advance(Window - TimeSpan.FromMinutes(1));
        var inside = await index.ClaimExactAsync("hash", "second", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));

        var after = await index.ClaimExactAsync("hash", "third", CancellationToken.None);
        var firstAgain = await index.ClaimExactAsync("hash", "first", CancellationToken.None);

        Assert.Equal(new DuplicateClaim(false, "first"), inside);
        Assert.Equal(new DuplicateClaim(true, "third"), after);
        Assert.Equal(new DuplicateClaim(false, "third"), firstAgain);
    }

    [Fact]
    public async Task The_owner_claiming_again_stays_canonical_and_cleanup_removes_only_expired_claims()
    {
        var index = new InMemoryDuplicateIndex(Window, _clock);
        await index.ClaimExactAsync("old", "a", CancellationToken.None);
        _clock.Advance(Window + TimeSpan.FromMinutes(1));
        await index.ClaimExactAsync("new", "b", CancellationToken.None);

        var ownerAgain = await index.ClaimExactAsync("new", "b", CancellationToken.None);
        var removed = await index.RemoveExpiredAsync(CancellationToken.None);
        var newStillOwned = await index.ClaimExactAsync("new", "c", CancellationToken.None);

        Assert.True(ownerAgain.IsCanonical);
        Assert.Equal(1, removed);
        Assert.Equal("b", newStillOwned.CanonicalId);
    }
}

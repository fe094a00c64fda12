using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Deduplication;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ingest.IntegrationTests;

/// <summary>
/// Exact claims under the dedup window, on Azurite. The server stamps claims, so "older than the window" needs real
/// time to pass: these tests use windows of seconds and wait them out.
/// </summary>
public sealed class ExactClaimWindowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(8);

    private TableDuplicateIndex Build(TimeSpan window) =>
        new(azurite.Clients, Options.Create(new NearDuplicateOptions { Window = window }), TimeProvider.System);

    private static string NewHash() => ContentHash.Compute("claimed content " + Guid.NewGuid());

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_claim_inside_the_window_keeps_its_hash()
    {
        var index = Build(TimeSpan.FromDays(30));
        var (hash, owner, copy) = (NewHash(), NewId(), NewId());

        var first = await index.ClaimExactAsync(hash, owner, CancellationToken.None);
        var second = await index.ClaimExactAsync(hash, copy, CancellationToken.None);

        Assert.True(first.IsCanonical);
        Assert.False(second.IsCanonical);
        Assert.Equal(owner, second.CanonicalId);
    }

    [Fact]
    public async Task Copies_racing_for_an_expired_claim_make_exactly_one_new_canonical_and_the_old_owner_loses_it()
    {
        var index = Build(ShortWindow);
        var (hash, stale) = (NewHash(), NewId());
        Assert.True((await index.ClaimExactAsync(hash, stale, CancellationToken.None)).IsCanonical);
        await Task.Delay(ShortWindow + TimeSpan.FromSeconds(1));

        var copies = Enumerable.Range(0, 12).Select(_ => NewId()).ToList();
        var claims = await Task.WhenAll(copies.Select(id => Task.Run(() => index.ClaimExactAsync(hash, id, CancellationToken.None))));

        var canonical = Assert.Single(claims, c => c.IsCanonical);
        Assert.Contains(canonical.CanonicalId, copies);
        Assert.All(claims, c => Assert.Equal(canonical.CanonicalId, c.CanonicalId));
        // The stale owner, re-delivered now, is a duplicate of the new canonical copy.
        var staleAgain = await index.ClaimExactAsync(hash, stale, CancellationToken.None);
        Assert.False(staleAgain.IsCanonical);
        Assert.Equal(canonical.CanonicalId, staleAgain.CanonicalId);
    }

    [Fact]
    public async Task Cleanup_removes_expired_claims_and_keeps_current_ones()
    {
        var index = Build(ShortWindow);
        var (expiredHash, currentHash) = (NewHash(), NewHash());
        await index.ClaimExactAsync(expiredHash, NewId(), CancellationToken.None);
        await Task.Delay(ShortWindow + TimeSpan.FromSeconds(1));
        var currentOwner = NewId();
        await index.ClaimExactAsync(currentHash, currentOwner, CancellationToken.None);

        var removed = await index.RemoveExpiredAsync(CancellationToken.None);

        Assert.True(removed >= 1);
        var table = azurite.Clients.Table(ChainNames.DedupClaimsTable);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(expiredHash, "exact")).HasValue);
        Assert.Equal(currentOwner, (await table.GetEntityAsync<TableEntity>(currentHash, "exact")).Value.GetString("ArticleId"));
    }
}

/// <summary>The scheduled cleanup as deployed: the ExpireDedupEntries timer on the JobHost, with a window of seconds.</summary>
public sealed class DedupCleanupTimerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_timer_removes_an_articles_exact_claim_and_near_duplicate_entries_once_they_expire()
    {
        await using var host = await ChainHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Ingest:Dedup:Window"] = "00:00:05",
            ["Ingest:DedupCleanupSchedule"] = "*/2 * * * * *",
        });
        var clients = azurite.Clients;
        var (_, id) = await ChainDriver.DropAsync(clients, "window/ferry.txt", "Ferry link approved\n\n" + TestTexts.FerryStory);
        var document = await ChainDriver.WaitForOutcomeAsync(clients, id);
        Assert.Equal(ArticleStatus.Processed, document.Status);

        var claims = clients.Table(ChainNames.DedupClaimsTable);
        var index = clients.Table(ChainNames.NearDuplicateIndexTable);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        bool claimLeft, orderLeft;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            claimLeft = (await claims.GetEntityIfExistsAsync<TableEntity>(document.Dedup!.ContentHash, "exact")).HasValue;
            orderLeft = (await index.GetEntityIfExistsAsync<TableEntity>(TableNearDuplicateIndex.OrderPartition, id)).HasValue;
        }
        while ((claimLeft || orderLeft) && DateTime.UtcNow < deadline);

        Assert.False(claimLeft, "the exact claim outlived its window");
        Assert.False(orderLeft, "the near-duplicate order row outlived its window");
        // The published record is untouched: expiry ends matching, not history.
        Assert.Equal(ArticleStatus.Processed, (await ChainDriver.WaitForOutcomeAsync(clients, id)).Status);
    }
}

using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Deduplication;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ingest.IntegrationTests;

/// <summary>The near-duplicate index in Azure Table storage (Azurite): matching, request cost, the race, expiry.</summary>
public sealed class NearDuplicateIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly NearDuplicateOptions Settings = new();

    internal const string Story = TestTexts.FerryStory;

    private const string SameNamesOtherStory = TestTexts.SameNamesOtherStory;

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// A story no other test uses, so tests sharing the fixture's table never match each other: a word unique to
    /// this call after every third word puts one into every 4-word shingle.
    /// </summary>
    private static string UniqueStory() => Tagged(Story, NewTag());

    private static string NewTag() => Guid.NewGuid().ToString("N")[..8];

    private static string Tagged(string text, string tag) =>
        string.Join(' ', text.Split(' ').Select((word, i) => i % 3 == 2 ? $"{word} {tag}{i}" : word));

    private (NearDuplicateDetector Detector, TableNearDuplicateIndex Index) Build(TimeProvider? clock = null, StorageClients? clients = null, NearDuplicateOptions? settings = null)
    {
        var index = new TableNearDuplicateIndex(clients ?? azurite.Clients, Options.Create(settings ?? Settings), clock ?? TimeProvider.System);
        return (new NearDuplicateDetector(index, Options.Create(settings ?? Settings)), index);
    }

    [Fact]
    public async Task An_edited_copy_matches_the_original_and_a_different_story_with_the_same_names_does_not()
    {
        var (detector, index) = Build();
        var story = UniqueStory();
        var (original, copy, other) = (NewId(), NewId(), NewId());

        var first = await detector.CheckAsync(original, story, CancellationToken.None);
        var requestsForOne = index.RequestCount;
        var edited = await detector.CheckAsync(copy, story.Replace("three years", "four years") + " Updated at noon.", CancellationToken.None);
        var different = await detector.CheckAsync(other, SameNamesOtherStory + " " + Guid.NewGuid(), CancellationToken.None);

        Assert.True(first.IsCanonical);
        Assert.Equal(original, edited.DuplicateOf);
        Assert.InRange(edited.Similarity!.Value, Settings.Threshold, 1);
        Assert.True(different.IsCanonical);
        // A lookup is bucket merges, the order row insert, bucket point reads and stamps written back: the same whatever
        // the index holds.
        Assert.Equal(3 * Settings.Bands + 1, requestsForOne);
    }

    [Fact]
    public async Task A_redelivered_claim_keeps_its_place_and_its_answer()
    {
        var (detector, _) = Build();
        var story = UniqueStory();
        var (original, copy) = (NewId(), NewId());
        await detector.CheckAsync(original, story, CancellationToken.None);
        var first = await detector.CheckAsync(copy, story + " Corrected.", CancellationToken.None);

        var again = await detector.CheckAsync(copy, story + " Corrected.", CancellationToken.None);
        var originalAgain = await detector.CheckAsync(original, story, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(original, again.DuplicateOf);
        Assert.True(originalAgain.IsCanonical);
    }

    [Fact]
    public async Task Near_identical_articles_claimed_at_once_on_two_hosts_end_with_one_canonical_and_the_rest_pointing_at_it()
    {
        // Two hosts: separate clients and index instances over one account, as two function app instances would be.
        var hosts = new[] { Build(), Build(clients: new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString })) };
        for (var round = 0; round < 3; round++)
        {
            // Edited before tagging, so the tags cannot split the phrase; three words for three, so they stay in place.
            var tag = NewTag();
            var variants = Enumerable.Range(0, 16)
                .Select(i => (Id: NewId(), Text: Tagged(Story.Replace("twice a day", $"{i + 2} times daily"), tag) + $" Edition {i}."))
                .ToList();
            Assert.All(variants, v => Assert.Contains(" times daily", v.Text));

            var verdicts = await Task.WhenAll(variants.Select((v, i) => Task.Run(() =>
                hosts[i % 2].Detector.CheckAsync(v.Id, v.Text, CancellationToken.None))));

            var canonical = Assert.Single(verdicts.Select((verdict, i) => (verdict, variants[i].Id)), v => v.verdict.IsCanonical);
            Assert.All(verdicts.Where(v => !v.IsCanonical), v => Assert.Equal(canonical.Id, v.DuplicateOf));
        }
    }

    [Fact]
    public async Task Expired_articles_stop_matching_and_cleanup_removes_their_rows()
    {
        var story = UniqueStory();
        var old = NewId();
        await Build().Detector.CheckAsync(old, story, CancellationToken.None);
        var later = new ShiftedClock(Settings.Window + TimeSpan.FromHours(1));
        var (laterDetector, laterIndex) = Build(later);

        var copy = await laterDetector.CheckAsync(NewId(), story + " Again.", CancellationToken.None);
        var rowsBefore = await CountRowsOfAsync(old, story);
        var removed = await laterIndex.RemoveExpiredAsync(CancellationToken.None);

        Assert.True(copy.IsCanonical);
        Assert.Equal(Settings.Bands + 1, rowsBefore);
        Assert.True(removed >= 1);
        Assert.Equal(0, await CountRowsOfAsync(old, story));
    }

    [Fact]
    public async Task Cleanup_keeps_current_members_of_a_bucket_it_shares_with_an_expired_article()
    {
        // The server stamps the order, so "older than the window" needs real time to pass: a short window, waited out.
        var (detector, index) = Build(settings: new NearDuplicateOptions { Window = TimeSpan.FromSeconds(10) });
        var story = UniqueStory();
        var old = NewId();
        await detector.CheckAsync(old, story, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(11));
        var current = NewId();
        var verdict = await detector.CheckAsync(current, story, CancellationToken.None);

        await index.RemoveExpiredAsync(CancellationToken.None);

        Assert.True(verdict.IsCanonical);
        Assert.Equal(0, await CountRowsOfAsync(old, story));
        // Same text, same buckets: the cleanup rewrote each of them without the old member and kept the current one.
        Assert.Equal(Settings.Bands + 1, await CountRowsOfAsync(current, story));
        var copy = await detector.CheckAsync(NewId(), story + " Again.", CancellationToken.None);
        Assert.Equal(current, copy.DuplicateOf);
    }

    [Fact]
    public async Task The_scale_benchmark_fills_the_index_and_times_lookups_at_a_fixed_request_count_at_every_size()
    {
        // What `ingest eval dedup scale` runs, on small sizes: the fill, then probes of which every second one is an
        // edited copy of the one before, and a report of each size as soon as it is measured.
        var (_, index) = Build();
        var reports = new List<string>();

        var points = await Ingest.Core.Evaluation.DedupScaleBenchmark.RunAsync(index, index.BackfillAsync, () => index.RequestCount, serverCpu: null,
            Settings, sizes: [80, 30], lookups: 10, parallelism: 8, new ImmediateProgress(reports.Add), CancellationToken.None);

        Assert.Equal([30, 80], points.Select(p => p.IndexedArticles));
        Assert.Equal([30, 50], points.Select(p => p.Filled));
        Assert.All(points, p =>
        {
            Assert.Equal(10, p.Lookups);
            Assert.Equal(5, p.DuplicatesFound);
            Assert.Equal(3 * Settings.Bands + 1, p.RequestsPerLookup);
            Assert.InRange(p.P50Milliseconds, 0.001, p.P95Milliseconds);
        });
        Assert.Contains(reports, r => r.StartsWith("measured at 30: ", StringComparison.Ordinal) && r.Contains("requests per lookup 97.0", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.StartsWith("measured at 80: ", StringComparison.Ordinal) && r.Contains("duplicates found 5 of 5", StringComparison.Ordinal));
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> posts to the thread pool, after the assertions).</summary>
    private sealed class ImmediateProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    [Fact]
    public async Task Lookups_are_point_reads_of_one_bucket_row_per_band()
    {
        var (detector, _) = Build();
        var story = UniqueStory();
        var edited = story + " Also.";
        var (first, second) = (NewId(), NewId());
        await detector.CheckAsync(first, story, CancellationToken.None);
        await detector.CheckAsync(second, edited, CancellationToken.None);

        // Each article is read back from the buckets of its own band keys: the edit changes some of the second's keys
        // (which ones depends on the story's random tag), so the first's key is not the second's bucket.
        var table = azurite.Clients.Table(ChainNames.NearDuplicateIndexTable);
        var firstKey = KeysOf(story)[0];
        var secondKey = KeysOf(edited)[0];
        var firstBucket = (await table.GetEntityAsync<TableEntity>(firstKey, firstKey)).Value;
        var secondBucket = (await table.GetEntityAsync<TableEntity>(secondKey, secondKey)).Value;

        // Both articles are members of their rows with their stamps written back (the order row's ETag time).
        foreach (var (id, bucket) in new[] { (first, firstBucket), (second, secondBucket) })
        {
            var order = (await table.GetEntityAsync<TableEntity>(TableNearDuplicateIndex.OrderPartition, id)).Value;
            var member = bucket.GetBinary(TableNearDuplicateIndex.MemberPropertyPrefix + id);
            Assert.NotNull(member);
            Assert.Equal(TableNearDuplicateIndex.StampOf(order.ETag, order.Timestamp), BitConverter.ToInt64(member, 0));
            Assert.Equal(8 + 4 * Settings.Permutations, member.Length);
        }
    }

    [Fact]
    public async Task An_article_id_that_cannot_name_a_property_is_refused_before_anything_is_written()
    {
        var (detector, index) = Build();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => detector.CheckAsync("not/an-id", UniqueStory(), CancellationToken.None));

        Assert.Contains("not/an-id", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, index.RequestCount);
    }

    private static string[] KeysOf(string text) =>
        LshBands.Keys(new MinHasher(Settings).Compute(text)!, Settings.Bands, Settings.RowsPerBand);

    /// <summary>The rows an article occupies: its order row plus each of its buckets that lists it, all by point reads.</summary>
    private async Task<int> CountRowsOfAsync(string articleId, string text)
    {
        var table = azurite.Clients.Table(ChainNames.NearDuplicateIndexTable);
        var count = (await table.GetEntityIfExistsAsync<TableEntity>(TableNearDuplicateIndex.OrderPartition, articleId)).HasValue ? 1 : 0;
        foreach (var key in KeysOf(text))
        {
            var bucket = await table.GetEntityIfExistsAsync<TableEntity>(key, key);
            count += bucket.HasValue && bucket.Value!.ContainsKey(TableNearDuplicateIndex.MemberPropertyPrefix + articleId) ? 1 : 0;
        }
        return count;
    }

    /// <summary>Real time moved forward: the server stamps rows now, the index believes it is later.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}

/// <summary>Near duplicates through the whole chain on the JobHost: dropped as files, read back as consumers do.</summary>
public sealed class NearDuplicateChainTests(ChainFixture fixture) : IClassFixture<ChainFixture>
{
    [Fact]
    public async Task An_edited_html_copy_of_a_text_article_is_published_as_a_near_duplicate_of_it()
    {
        var clients = fixture.Azurite.Clients;
        var body = NearDuplicateIndexTests.Story;
        var (_, originalId) = await ChainDriver.DropAsync(clients, "near/ferry.txt", "Ferry link approved\n\n" + body);
        var original = await ChainDriver.WaitForOutcomeAsync(clients, originalId);
        var edited = body.Replace("three years", "four years").Replace("two electric vessels", "two new electric vessels");
        var html = $"<html><head><title>Ferry link approved</title></head><body><article><h1>Ferry link approved</h1><p>{edited}</p></article></body></html>";
        var (_, copyId) = await ChainDriver.DropAsync(clients, "near/ferry-update.html", System.Text.Encoding.UTF8.GetBytes(html), "text/html");

        var copy = await ChainDriver.WaitForOutcomeAsync(clients, copyId);

        Assert.Equal(ArticleStatus.Processed, original.Status);
        Assert.Equal(ArticleStatus.Duplicate, copy.Status);
        Assert.Equal(DuplicateKind.Near, copy.Dedup!.Kind);
        Assert.Equal(originalId, copy.Dedup.DuplicateOf);
        Assert.InRange(copy.Dedup.Similarity!.Value, new NearDuplicateOptions().Threshold, 0.999);
        Assert.NotEqual(original.Dedup!.ContentHash, copy.Dedup.ContentHash);
        Assert.Empty(copy.Entities);
        SchemaValidator.AssertValid(DocumentJson.Serialize(copy));
    }
}

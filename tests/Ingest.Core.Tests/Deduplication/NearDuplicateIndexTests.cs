using Ingest.Core.Deduplication;
using Ingest.Core.Tests.Recognition.AzureLanguage;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Tests.Deduplication;

public sealed class NearDuplicateIndexTests
{
    private const string Story = TestTexts.FerryStory;

    private const string SameNamesOtherStory = TestTexts.SameNamesOtherStory;

    private static readonly NearDuplicateOptions Options = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    private (NearDuplicateDetector Detector, InMemoryNearDuplicateIndex Index) Build()
    {
        var index = new InMemoryNearDuplicateIndex(Options, _clock);
        return (new NearDuplicateDetector(index, Microsoft.Extensions.Options.Options.Create(Options)), index);
    }

    [Fact]
    public async Task An_edited_copy_is_a_near_duplicate_of_the_first_article()
    {
        var (detector, _) = Build();
        var edited = Story.Replace("on Tuesday", "on Tuesday evening").Replace("three years", "four years");

        var first = await detector.CheckAsync("first", Story, CancellationToken.None);
        var copy = await detector.CheckAsync("copy", edited, CancellationToken.None);

        Assert.True(first.IsCanonical);
        Assert.Equal("first", copy.DuplicateOf);
        Assert.InRange(copy.Similarity!.Value, Options.Threshold, 1.0);
    }

    [Fact]
    public async Task A_different_story_about_the_same_people_stays_canonical()
    {
        var (detector, _) = Build();

        await detector.CheckAsync("ferry", Story, CancellationToken.None);
        var library = await detector.CheckAsync("library", SameNamesOtherStory, CancellationToken.None);

        Assert.True(library.IsCanonical);
    }

    [Fact]
    public async Task Claiming_again_gives_the_same_answer_and_adds_nothing()
    {
        var (detector, index) = Build();
        await detector.CheckAsync("first", Story, CancellationToken.None);
        var copy = await detector.CheckAsync("copy", Story + " More later.", CancellationToken.None);

        var again = await detector.CheckAsync("copy", Story + " More later.", CancellationToken.None);
        var firstAgain = await detector.CheckAsync("first", Story, CancellationToken.None);

        Assert.Equal(copy, again);
        Assert.True(firstAgain.IsCanonical);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public async Task Each_claim_costs_the_requests_of_the_table_protocol()
    {
        var (detector, index) = Build();

        await detector.CheckAsync("first", Story, CancellationToken.None);
        await detector.CheckAsync("copy", Story + " More later.", CancellationToken.None);

        // Per claim: bucket merges, the order row insert, bucket reads, stamps written back; the original's stamp is in its
        // bucket entries, so confirming it costs nothing more.
        Assert.Equal(2 * (3L * Options.Bands + 1), index.RequestCount);
    }

    [Fact]
    public async Task Articles_older_than_the_window_stop_matching_and_are_removed()
    {
        var (detector, index) = Build();
        await detector.CheckAsync("old", Story, CancellationToken.None);
        _clock.Advance(Options.Window + TimeSpan.FromMinutes(1));
        await detector.CheckAsync("recent", SameNamesOtherStory, CancellationToken.None);

        var copy = await detector.CheckAsync("copy", Story + " More later.", CancellationToken.None);
        var removed = await index.RemoveExpiredAsync(CancellationToken.None);

        Assert.True(copy.IsCanonical);
        Assert.Equal(1, removed);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void A_confirmed_candidate_without_an_order_yet_is_later_than_the_article_deciding()
    {
        var self = new IndexOrder(10, "b");
        var confirmed = new[] { new ConfirmedCandidate("a", 0.9), new ConfirmedCandidate("c", 0.8) };

        var unordered = CanonicalRule.Decide(self, confirmed, _ => null);
        var earlier = CanonicalRule.Decide(self, confirmed, id => id == "c" ? new IndexOrder(5, "c") : new IndexOrder(11, "a"));
        var tie = CanonicalRule.Decide(self, confirmed, id => new IndexOrder(10, id));

        Assert.True(unordered.IsCanonical);
        Assert.Equal(new NearDuplicateVerdict("c", 0.8), earlier);
        Assert.Equal("a", tie.DuplicateOf);
    }

    [Theory]
    [InlineData(0, 32, 4, 0.5, 30)]
    [InlineData(4, 0, 4, 0.5, 30)]
    [InlineData(4, 32, 64, 0.5, 30)]
    [InlineData(4, 32, 4, 0.0, 30)]
    [InlineData(4, 32, 4, 1.5, 30)]
    [InlineData(4, 32, 4, 0.5, 0)]
    public void Settings_that_make_detection_meaningless_are_refused(int shingle, int bands, int rows, double threshold, int windowDays)
    {
        var options = new NearDuplicateOptions { ShingleSize = shingle, Bands = bands, RowsPerBand = rows, Threshold = threshold, Window = TimeSpan.FromDays(windowDays) };

        Assert.True(new NearDuplicateOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(new NearDuplicateOptionsValidator().Validate(null, new NearDuplicateOptions()).Succeeded);
}

using Ingest.Core.Cleaning;
using Ingest.Core.Deduplication;

namespace Ingest.Core.Tests.Deduplication;

/// <summary>
/// The premises the two-host load test builds on, checked through the real cleaner and MinHash: a copy of a generated
/// story in any copy format is an exact duplicate, a near copy is far above the threshold, and different stories are
/// far below the point where LSH would even pair them.
/// </summary>
public sealed class GeneratedStoriesTests
{
    // The seeds of the two-host load test (LoadTests, part of ./test; README, Reliability): stories 0–1,199, near copies of
    // 350–549 (seeded story + 1,000,000).
    private const int LoadTestStories = 1_200;
    private const int FirstNearCopy = 350;
    private const int NearCopies = 200;

    private static readonly ArticleCleaner Cleaner = new();
    private static readonly MinHasher Hasher = new(new NearDuplicateOptions());

    private static string CleanedText(GeneratedStory story, string format)
    {
        var (extension, content, contentType) = story.AsFile(format);
        var cleaned = Cleaner.Clean(new CleaningInput(content, $"story.{extension}", contentType));
        Assert.False(cleaned.IsRejected, cleaned.Rejection?.Message);
        return cleaned.Article!.Text;
    }

    [Fact]
    public void Every_copy_format_of_a_generated_story_cleans_to_the_content_hash_of_its_text_file()
    {
        for (var seed = 0; seed < LoadTestStories; seed++)
        {
            var story = GeneratedStories.Story(seed);
            var expected = ContentHash.Compute(CleanedText(story, "txt"));
            foreach (var format in GeneratedStories.CopyFormats)
            {
                Assert.True(expected == ContentHash.Compute(CleanedText(story, format)), $"seed {seed}, format {format}: another hash");
            }
        }
    }

    [Fact]
    public void Near_copies_stay_well_above_the_threshold_and_keep_a_hash_of_their_own()
    {
        var threshold = new NearDuplicateOptions().Threshold;
        for (var seed = FirstNearCopy; seed < FirstNearCopy + NearCopies; seed++)
        {
            var story = GeneratedStories.Story(seed);
            var near = GeneratedStories.NearCopy(story, seed + 1_000_000);
            var original = CleanedText(story, "txt");
            var edited = CleanedText(near, "txt");

            Assert.NotEqual(ContentHash.Compute(original), ContentHash.Compute(edited));
            var similarity = Hasher.Compute(original)!.EstimateJaccard(Hasher.Compute(edited)!);
            Assert.True(similarity >= threshold + 0.15, $"seed {seed}: near copy estimated at {similarity:0.000}");
        }
    }

    [Fact]
    public void Different_stories_are_far_below_any_similarity_lsh_would_pair()
    {
        var signatures = Enumerable.Range(0, LoadTestStories).Select(seed => Hasher.Compute(CleanedText(GeneratedStories.Story(seed), "txt"))!).ToList();

        var highest = 0.0;
        for (var a = 0; a < signatures.Count; a++)
        {
            for (var b = a + 1; b < signatures.Count; b++)
            {
                highest = Math.Max(highest, signatures[a].EstimateJaccard(signatures[b]));
            }
        }

        // At J = 0.2 two articles share an LSH band with probability 0.05 (32 bands × 4 rows); these stay far below.
        Assert.True(highest < 0.1, $"two different stories estimated at {highest:0.000}");
    }
}

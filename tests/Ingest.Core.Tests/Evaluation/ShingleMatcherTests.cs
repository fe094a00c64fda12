using Ingest.Core.Evaluation;
using Xunit;

namespace Ingest.Core.Tests.Evaluation;

public sealed class ShingleMatcherTests
{
    [Fact]
    public void Tokenizes_into_word_runs_ignoring_punctuation()
    {
        Assert.Equal(["It", "s", "a", "well", "known", "fact_1", "café"], ShingleMatcher.Tokenize("It's a well-known fact_1: café!"));
    }

    [Fact]
    public void Identical_texts_score_one()
    {
        var counts = ShingleMatcher.Compare("a b c d e", "a b c d e");

        Assert.Equal(new ShingleCounts(2, 0, 0), counts);
        Assert.Equal(1, counts.Precision);
        Assert.Equal(1, counts.Recall);
    }

    [Fact]
    public void Extra_predicted_words_cost_precision_only()
    {
        // Truth "a b c d e" has shingles abcd, bcde. Prediction "a b c d e f" adds cdef: 2 hits, 1 false positive.
        var counts = ShingleMatcher.Compare("a b c d e", "a b c d e f");

        Assert.Equal(new ShingleCounts(2, 1, 0), counts);
        Assert.Equal(2.0 / 3, counts.Precision, 12);
        Assert.Equal(1, counts.Recall);
    }

    [Fact]
    public void Shingles_are_counted_as_a_multiset()
    {
        // Truth shingles: xyzw, yzwx, zwxy, wxyz, xyzw (xyzw twice). Prediction: xyzw once.
        // One hit; the second xyzw and the three others are misses.
        var counts = ShingleMatcher.Compare("x y z w x y z w", "x y z w");

        Assert.Equal(new ShingleCounts(1, 0, 4), counts);
        Assert.Equal(1, counts.Precision);
        Assert.Equal(0.2, counts.Recall, 12);
    }

    [Fact]
    public void Texts_shorter_than_a_shingle_compare_as_one_short_shingle()
    {
        Assert.Equal(new ShingleCounts(1, 0, 0), ShingleMatcher.Compare("two words", "two words!"));
        Assert.Equal(new ShingleCounts(0, 1, 1), ShingleMatcher.Compare("two words", "two other"));
    }

    [Fact]
    public void An_empty_prediction_has_zero_recall_and_no_precision_to_average()
    {
        var counts = ShingleMatcher.Compare("a b c d", "");

        Assert.Equal(new ShingleCounts(0, 0, 1), counts);
        Assert.False(counts.HasPrediction);
        Assert.Equal(0, counts.Recall);
    }

    [Fact]
    public void Averages_precision_over_predicted_pages_and_recall_over_pages_with_truth()
    {
        ShingleCounts[] pages =
        [
            new(2, 1, 0), // P 2/3, R 1
            new(0, 0, 4), // nothing predicted: R 0, no precision
            new(1, 0, 1), // P 1, R 1/2
            new(0, 0, 0), // both empty: counts for neither average
        ];

        var score = ExtractionScore.FromPages(pages);

        var precision = (2.0 / 3 + 1) / 2; // 5/6
        var recall = (1 + 0 + 0.5) / 3;    // 1/2
        Assert.Equal(precision, score.Precision, 12);
        Assert.Equal(recall, score.Recall, 12);
        Assert.Equal(2 * precision * recall / (precision + recall), score.F1, 12);
        Assert.Equal(4, score.Pages);
    }
}

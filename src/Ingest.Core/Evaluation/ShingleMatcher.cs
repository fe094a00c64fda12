using System.Text;

namespace Ingest.Core.Evaluation;

/// <summary>True positives, false positives and false negatives of one page, counted in shingles.</summary>
public readonly record struct ShingleCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>
    /// Precision of the page. Identical texts (including both empty) score 1; a page with nothing
    /// predicted scores 0 here, but <see cref="ExtractionScore"/> averages precision only over pages that
    /// predicted something (see <see cref="HasPrediction"/>), so an empty prediction costs recall only.
    /// </summary>
    public double Precision => FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives + FalsePositives == 0 ? 0
        : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Recall of the page; identical texts score 1, a page whose truth has no shingles scores 0 but is left out of the average.</summary>
    public double Recall => FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives + FalseNegatives == 0 ? 0
        : (double)TruePositives / (TruePositives + FalseNegatives);

    public bool HasPrediction => TruePositives + FalsePositives > 0;
    public bool HasTruth => TruePositives + FalseNegatives > 0;
}

/// <summary>
/// The article-extraction benchmark's text comparison: both texts are split into word tokens (runs of
/// Unicode letters, digits and underscores, i.e. regex <c>\w+</c>), turned into overlapping 4-token
/// shingles, and compared as multisets: a shingle that occurs twice in the truth and once in the
/// prediction is one hit and one miss. Word order matters through the shingles; case and punctuation do not
/// separate tokens differently from the benchmark's own tokenizer. A text with fewer than four tokens
/// becomes a single shorter shingle, so very short texts still compare.
/// </summary>
public static class ShingleMatcher
{
    public const int ShingleSize = 4;

    public static ShingleCounts Compare(string truth, string prediction)
    {
        var truthShingles = CountShingles(truth);
        var predictedShingles = CountShingles(prediction);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (shingle, predicted) in predictedShingles)
        {
            var expected = truthShingles.GetValueOrDefault(shingle);
            truePositives += Math.Min(expected, predicted);
            falsePositives += Math.Max(0, predicted - expected);
        }
        foreach (var (shingle, expected) in truthShingles)
        {
            falseNegatives += Math.Max(0, expected - predictedShingles.GetValueOrDefault(shingle));
        }
        return new ShingleCounts(truePositives, falsePositives, falseNegatives);
    }

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value == '_')
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }

    public static Dictionary<string, int> CountShingles(string text)
    {
        var tokens = Tokenize(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return shingles;
        }
        var count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < count; i++)
        {
            // U+0001 cannot occur inside a token, so joined shingles never collide.
            var shingle = string.Join('\u0001', tokens.Skip(i).Take(ShingleSize));
            shingles[shingle] = shingles.GetValueOrDefault(shingle) + 1;
        }
        return shingles;
    }
}

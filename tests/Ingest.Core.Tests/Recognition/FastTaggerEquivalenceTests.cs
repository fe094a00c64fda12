using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>
/// The tagger's hot path (open-addressing tables, vectorized row sums, lane-wise Viterbi and confidence pass) must
/// give exactly what the plain scalar algorithm gives: same tags, bit-identical confidences. The reference below is
/// that plain algorithm (a dictionary, one tag at a time, CanFollow tested per pair). Weights and transitions are
/// drawn from a coarse grid so that ties between tags and paths are frequent, and five entity types make 11 tags,
/// which is not a whole number of vectors, so the padding lanes are exercised too.
/// </summary>
public class FastTaggerEquivalenceTests
{
    private static readonly string[] Types = ["geo", "org", "per", "eve", "art"];

    private static readonly string[] Vocabulary =
    [
        "the", "Harbour", "Board", "of", "Northport", "said", "on", "Monday", "that", "ferries", "to", "Skerry",
        "Islands", "will", "run", "twice", "daily", ".", ",", "Maria", "Lindqvist", "Mr.", "Olsen", "1994", "U.S.",
        "al-Qaida", "QUARTERLY", "review", "'s", "and", "Bank", "Ghana", "(", ")", "\"", "Ltd", "x",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decode_gives_the_scalar_reference_tags_and_bit_identical_confidences(int seed)
    {
        var random = new Random(seed);
        var sentences = Enumerable.Range(0, 60).Select(_ => Sentence(random, random.Next(1, 40))).ToList();
        var (model, rows) = RandomModel(random, sentences);

        foreach (var sentence in sentences)
        {
            var n = sentence.Length;
            var tags = new int[n];
            var confidence = new float[n];
            SequenceDecoder.Decode(model, sentence, tags, confidence);

            var (expectedTags, expectedConfidence) = ReferenceDecode(model, rows, sentence);
            Assert.Equal(expectedTags, tags);
            Assert.Equal(
                expectedConfidence.Select(BitConverter.SingleToInt32Bits).ToArray(),
                confidence.Select(BitConverter.SingleToInt32Bits).ToArray());
        }
    }

    [Fact]
    public void Viterbi_breaks_ties_like_the_scalar_loop_when_every_score_is_equal()
    {
        var tagSet = new TagSet(Types);
        var tagCount = tagSet.Count;
        const int n = 7;
        var transitions = new float[(tagCount + 1) * tagCount];
        var emission = new float[n * tagCount];
        var tags = new int[n];
        SequenceDecoder.Viterbi(transitions, tagCount, n, emission, new float[n * tagCount], new int[n * tagCount], tags);

        Assert.Equal(ReferenceViterbi(transitions, tagCount, n, emission), tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("U.")]
    [InlineData("Mr.")]
    [InlineData("1994")]
    [InlineData("Ølsen")]
    [InlineData("al-Qaida")]
    public void Folded_and_prefix_hashes_from_one_pass_equal_hashing_each_prefix(string word)
    {
        var traits = TokenTraits.Of(word, WordLexicon.Empty);

        Assert.Equal(FeatureHash.Folded(word), traits.Folded);
        Assert.Equal(
            new[] { 1, 2, 3, 4 }.Select(k => FeatureHash.Folded(word.AsSpan(0, Math.Min(k, word.Length)))),
            new[] { traits.Prefix1, traits.Prefix2, traits.Prefix3, traits.Prefix4 });
    }

    [Fact]
    public void Hash_key_map_finds_exactly_the_stored_keys_including_zero_and_colliding_ones()
    {
        var random = new Random(7);
        var stored = new Dictionary<ulong, int> { [0UL] = 5 };
        // Keys sharing their low bits land in the same home slot and must probe past each other.
        for (var i = 1; i <= 40; i++)
        {
            stored[((ulong)i << 40) | 3UL] = i;
        }
        while (stored.Count < 5_000)
        {
            stored[(ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)] = stored.Count;
        }
        var map = new HashKeyMap<int>(stored, stored.Count);

        Assert.Equal(stored.Count, map.Count);
        foreach (var (key, value) in stored)
        {
            Assert.True(map.TryGetValue(key, out var found));
            Assert.Equal(value, found);
        }
        for (var i = 0; i < 5_000; i++)
        {
            var absent = (ulong)random.NextInt64();
            if (!stored.ContainsKey(absent))
            {
                Assert.False(map.TryGetValue(absent, out _));
            }
        }
        Assert.Equal(stored.OrderBy(e => e.Key), map.Entries().OrderBy(e => e.Key));
    }

    private static TokenTraits[] Sentence(Random random, int length)
    {
        var traits = Enumerable.Range(0, length)
            .Select(_ => TokenTraits.Of(Vocabulary[random.Next(Vocabulary.Length)], WordLexicon.Empty))
            .ToArray();
        TokenTraits.AddSentenceContext(traits, Gazetteer.Empty);
        return traits;
    }

    /// <summary>A model whose rows are about half of the keys the sentences produce, with grid-valued weights.</summary>
    private static (NerModel Model, Dictionary<ulong, int> Rows) RandomModel(Random random, List<TokenTraits[]> sentences)
    {
        var tagSet = new TagSet(Types);
        var rows = new Dictionary<ulong, int>();
        var keys = new ulong[FeatureTemplates.Count];
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                FeatureTemplates.Extract(sentence, i, keys);
                foreach (var key in keys)
                {
                    if (!rows.ContainsKey(key) && random.Next(2) == 0)
                    {
                        rows[key] = rows.Count;
                    }
                }
            }
        }
        var weights = Enumerable.Range(0, rows.Count * tagSet.Count).Select(_ => Grid(random)).ToArray();
        var transitions = Enumerable.Range(0, (tagSet.Count + 1) * tagSet.Count).Select(_ => Grid(random)).ToArray();
        var model = new NerModel("equivalence-test", tagSet, WordLexicon.Empty, Gazetteer.Empty, rows, weights, transitions, 1.7f);
        return (model, rows);
    }

    // Multiples of 0.25 in [-2, 2], with a few awkward binary fractions so that sums round.
    private static float Grid(Random random) =>
        random.Next(10) == 0 ? (float)(random.NextDouble() * 0.3 - 0.15) : random.Next(-8, 9) * 0.25f;

    private static (int[] Tags, float[] Confidence) ReferenceDecode(NerModel model, Dictionary<ulong, int> rows, TokenTraits[] sentence)
    {
        var n = sentence.Length;
        var tagCount = model.Tags.Count;
        // The model's weights are padded per row; read each tag's weight through the stride.
        var emission = new float[n * tagCount];
        var keys = new ulong[FeatureTemplates.Count];
        for (var i = 0; i < n; i++)
        {
            FeatureTemplates.Extract(sentence, i, keys);
            foreach (var key in keys)
            {
                if (!rows.TryGetValue(key, out var row))
                {
                    continue;
                }
                for (var t = 0; t < tagCount; t++)
                {
                    emission[i * tagCount + t] += model.Weights[row * model.WeightStride + t];
                }
            }
        }
        var tags = ReferenceViterbi(model.Transitions, tagCount, n, emission, out var forward);
        return (tags, ReferenceConfidences(model, n, emission, forward, tags));
    }

    private static int[] ReferenceViterbi(float[] transitions, int tagCount, int n, float[] emission) =>
        ReferenceViterbi(transitions, tagCount, n, emission, out _);

    private static int[] ReferenceViterbi(float[] transitions, int tagCount, int n, float[] emission, out float[] forward)
    {
        forward = new float[n * tagCount];
        var backPointer = new int[n * tagCount];
        var start = tagCount * tagCount;
        for (var t = 0; t < tagCount; t++)
        {
            forward[t] = TagSet.CanFollow(-1, t) ? transitions[start + t] + emission[t] : float.NegativeInfinity;
        }
        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < tagCount; t++)
            {
                var best = float.NegativeInfinity;
                var bestFrom = 0;
                for (var p = 0; p < tagCount; p++)
                {
                    if (!TagSet.CanFollow(p, t))
                    {
                        continue;
                    }
                    var score = forward[(i - 1) * tagCount + p] + transitions[p * tagCount + t];
                    if (score > best)
                    {
                        best = score;
                        bestFrom = p;
                    }
                }
                forward[i * tagCount + t] = best + emission[i * tagCount + t];
                backPointer[i * tagCount + t] = bestFrom;
            }
        }
        var tags = new int[n];
        var bestTag = 0;
        for (var t = 1; t < tagCount; t++)
        {
            if (forward[(n - 1) * tagCount + t] > forward[(n - 1) * tagCount + bestTag])
            {
                bestTag = t;
            }
        }
        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = bestTag;
            bestTag = backPointer[i * tagCount + bestTag];
        }
        return tags;
    }

    private static float[] ReferenceConfidences(NerModel model, int n, float[] emission, float[] forward, int[] tags)
    {
        var tagCount = model.Tags.Count;
        var transitions = model.Transitions;
        var inverseTemperature = 1f / model.ConfidenceTemperature;
        var confidence = new float[n];
        var backward = new float[tagCount];
        var next = new float[tagCount];
        for (var i = n - 1; i >= 0; i--)
        {
            var current = i * tagCount;
            var bestMarginal = float.NegativeInfinity;
            for (var t = 0; t < tagCount; t++)
            {
                bestMarginal = MathF.Max(bestMarginal, forward[current + t] + backward[t]);
            }
            var sum = 0f;
            for (var t = 0; t < tagCount; t++)
            {
                sum += MathF.Exp((forward[current + t] + backward[t] - bestMarginal) * inverseTemperature);
            }
            var chosen = tags[i];
            confidence[i] = MathF.Exp((forward[current + chosen] + backward[chosen] - bestMarginal) * inverseTemperature) / sum;
            if (i == 0)
            {
                break;
            }
            for (var p = 0; p < tagCount; p++)
            {
                var best = float.NegativeInfinity;
                for (var t = 0; t < tagCount; t++)
                {
                    if (TagSet.CanFollow(p, t))
                    {
                        best = MathF.Max(best, transitions[p * tagCount + t] + emission[current + t] + backward[t]);
                    }
                }
                next[p] = best;
            }
            next.CopyTo(backward);
        }
        return confidence;
    }
}

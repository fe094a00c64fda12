namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// A cheap stand-in for Brown clusters: each frequent word is described by which words occur immediately left
/// and right of it (the <see cref="ContextWords"/> most frequent words, plus "some other capitalized / lower-case
/// word" and the sentence edges), weighted by positive pointwise mutual information; spherical k-means then groups
/// words with similar neighbours. Words used the same way ("Mr. X said", "in X province") land together, which
/// lets the tagger generalize from names it saw to names it did not. Deterministic for a given seed.
/// </summary>
internal static class WordClusterer
{
    public const int MinWordCount = 4;
    public const int ContextWords = 400;
    private const int Iterations = 12;

    /// <summary>The cluster of each clustered word, keyed by folded hash.</summary>
    public static Dictionary<ulong, int> Cluster(IReadOnlyList<IReadOnlyList<string>> sentences, int clusterCount, int seed)
    {
        var (vocabulary, vectors) = ContextVectors(sentences);
        var assignment = SphericalKMeans(vectors, clusterCount, ContextDimensions, seed);
        var clusters = new Dictionary<ulong, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            clusters[vocabulary[i]] = assignment[i];
        }
        return clusters;
    }

    private const int OtherCapitalized = ContextWords;
    private const int OtherLower = ContextWords + 1;
    private const int Edge = ContextWords + 2;
    private const int ContextDimensions = 2 * (ContextWords + 3);

    private static (ulong[] Vocabulary, (int[] Index, float[] Value)[] Vectors) ContextVectors(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var frequency = new Dictionary<ulong, int>();
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence)
            {
                var key = FeatureHash.Folded(word);
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }
        // Ties broken by key so the order never depends on hash-table layout.
        var byFrequency = frequency.OrderByDescending(f => f.Value).ThenBy(f => f.Key).ToArray();
        var contextOf = byFrequency.Take(ContextWords).Select((f, i) => (f.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var vocabulary = byFrequency.Where(f => f.Value >= MinWordCount).Select(f => f.Key).OrderBy(k => k).ToArray();
        var indexOf = new Dictionary<ulong, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            indexOf[vocabulary[i]] = i;
        }

        var counts = new Dictionary<int, float>[vocabulary.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = [];
        }
        var contextTotals = new double[ContextDimensions];
        var total = 0.0;
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Count; i++)
            {
                if (!indexOf.TryGetValue(FeatureHash.Folded(sentence[i]), out var v))
                {
                    continue;
                }
                var left = i == 0 ? Edge : ContextId(sentence[i - 1], contextOf);
                var right = ContextWords + 3 + (i == sentence.Count - 1 ? Edge : ContextId(sentence[i + 1], contextOf));
                foreach (var c in (ReadOnlySpan<int>)[left, right])
                {
                    counts[v][c] = counts[v].GetValueOrDefault(c) + 1;
                    contextTotals[c]++;
                    total++;
                }
            }
        }

        var vectors = new (int[] Index, float[] Value)[vocabulary.Length];
        for (var v = 0; v < vocabulary.Length; v++)
        {
            var wordTotal = counts[v].Values.Sum();
            var entries = counts[v]
                .Select(kv => (kv.Key, Value: (float)Math.Max(0, Math.Log(kv.Value * total / (wordTotal * contextTotals[kv.Key])))))
                .Where(e => e.Value > 0)
                .OrderBy(e => e.Key)
                .ToArray();
            var norm = MathF.Sqrt(entries.Sum(e => e.Value * e.Value));
            vectors[v] = (entries.Select(e => e.Key).ToArray(), entries.Select(e => norm > 0 ? e.Value / norm : 0).ToArray());
        }
        return (vocabulary, vectors);
    }

    private static int ContextId(string word, Dictionary<ulong, int> contextOf) =>
        contextOf.TryGetValue(FeatureHash.Folded(word), out var id) ? id
        : word.Length > 0 && char.IsUpper(word[0]) ? OtherCapitalized : OtherLower;

    private static int[] SphericalKMeans((int[] Index, float[] Value)[] vectors, int k, int dimensions, int seed)
    {
        var random = new Random(seed);
        var centroids = new float[k * dimensions];
        for (var c = 0; c < k; c++)
        {
            var (index, value) = vectors[random.Next(vectors.Length)];
            for (var j = 0; j < index.Length; j++)
            {
                centroids[c * dimensions + index[j]] = value[j];
            }
        }

        var assignment = new int[vectors.Length];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var v = 0; v < vectors.Length; v++)
            {
                var (index, value) = vectors[v];
                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var score = 0f;
                    var row = c * dimensions;
                    for (var j = 0; j < index.Length; j++)
                    {
                        score += centroids[row + index[j]] * value[j];
                    }
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }
                assignment[v] = best;
            }

            Array.Clear(centroids);
            for (var v = 0; v < vectors.Length; v++)
            {
                var (index, value) = vectors[v];
                var row = assignment[v] * dimensions;
                for (var j = 0; j < index.Length; j++)
                {
                    centroids[row + index[j]] += value[j];
                }
            }
            for (var c = 0; c < k; c++)
            {
                var row = centroids.AsSpan(c * dimensions, dimensions);
                var norm = 0f;
                foreach (var x in row)
                {
                    norm += x * x;
                }
                if (norm > 0)
                {
                    var scale = 1 / MathF.Sqrt(norm);
                    for (var j = 0; j < row.Length; j++)
                    {
                        row[j] *= scale;
                    }
                }
            }
        }
        return assignment;
    }
}

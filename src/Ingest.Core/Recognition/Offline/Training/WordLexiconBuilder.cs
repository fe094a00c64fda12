namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Builds a <see cref="WordLexicon"/> from unlabeled tokenized sentences: for each word seen at least
/// <see cref="MinOccurrences"/> times away from the sentence start, a capitalization habit bucket
/// (1: almost always lower case … 4: almost always capitalized), and for frequent words a fine and a coarse
/// distributional cluster (<see cref="WordClusterer"/>).
/// </summary>
internal static class WordLexiconBuilder
{
    public const int MinOccurrences = 3;
    public const int FineClusters = 256;
    public const int CoarseClusters = 32;

    public static WordLexicon Build(IReadOnlyList<IReadOnlyList<string>> sentences, int seed)
    {
        var fine = WordClusterer.Cluster(sentences, FineClusters, seed);
        var coarse = WordClusterer.Cluster(sentences, CoarseClusters, seed);
        var counts = new Dictionary<ulong, (int Total, int Capitalized)>();
        foreach (var sentence in sentences)
        {
            for (var i = 1; i < sentence.Count; i++)
            {
                var word = sentence[i];
                if (word.Length == 0 || !char.IsLetter(word[0]))
                {
                    continue;
                }
                var key = FeatureHash.Folded(word);
                counts.TryGetValue(key, out var c);
                counts[key] = (c.Total + 1, c.Capitalized + (char.IsUpper(word[0]) ? 1 : 0));
            }
        }

        var entries = new Dictionary<ulong, WordLexicon.Entry>();
        foreach (var key in counts.Keys.Concat(fine.Keys).Distinct())
        {
            var (total, capitalized) = counts.GetValueOrDefault(key);
            var habit = WordLexicon.UnknownHabit;
            if (total >= MinOccurrences)
            {
                var ratio = (double)capitalized / total;
                habit = ratio < 0.1 ? (byte)1 : ratio < 0.5 ? (byte)2 : ratio < 0.9 ? (byte)3 : (byte)4;
            }
            var hasCluster = fine.TryGetValue(key, out var cluster);
            if (habit != WordLexicon.UnknownHabit || hasCluster)
            {
                entries[key] = new WordLexicon.Entry(hasCluster ? cluster : -1, hasCluster ? coarse[key] : -1, habit);
            }
        }
        return new WordLexicon(entries);
    }
}

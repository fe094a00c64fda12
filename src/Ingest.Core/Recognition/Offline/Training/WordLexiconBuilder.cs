namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Builds a <see cref="WordLexicon"/> from unlabeled tokenized sentences: for each word seen at least
/// <see cref="MinOccurrences"/> times away from the sentence start, a capitalization habit bucket
/// (1: almost always lower case … 4: almost always capitalized).
/// </summary>
internal static class WordLexiconBuilder
{
    public const int MinOccurrences = 3;

    public static WordLexicon Build(IEnumerable<IReadOnlyList<string>> sentences)
    {
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
        foreach (var (key, (total, capitalized)) in counts)
        {
            if (total < MinOccurrences)
            {
                continue;
            }
            var ratio = (double)capitalized / total;
            byte habit = ratio < 0.1 ? (byte)1 : ratio < 0.5 ? (byte)2 : ratio < 0.9 ? (byte)3 : (byte)4;
            entries[key] = new WordLexicon.Entry(-1, -1, habit);
        }
        return new WordLexicon(entries);
    }
}

namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Builds a <see cref="Gazetteer"/> from labelled sentences: a phrase is listed with its most frequent type when
/// it was labelled with that type at least <see cref="MinCount"/> times and in at least half of all its
/// capitalized occurrences (so "Bush" is listed, "State" is not).
/// Training sentences must not see a gazetteer built from themselves, or the tagger learns to trust the list
/// blindly; <see cref="MarkJackknifed"/> marks each fold with a list built from the other folds.
/// </summary>
internal static class GazetteerBuilder
{
    public const int MinCount = 2;
    public const int Folds = 5;

    public static Gazetteer Build(IReadOnlyList<NerSentence> sentences, IReadOnlyList<TokenTraits[]> traits, TagSet tags, Func<int, bool> include)
    {
        var labelled = new Dictionary<ulong, int[]>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (!include(s))
            {
                continue;
            }
            foreach (var (start, end, type) in sentences[s].Entities())
            {
                if (end - start > Gazetteer.MaxPhraseLength)
                {
                    continue;
                }
                var key = Gazetteer.PhraseKey(traits[s].AsSpan(start, end - start));
                if (!labelled.TryGetValue(key, out var counts))
                {
                    labelled[key] = counts = new int[tags.Types.Count];
                }
                counts[IndexOf(tags, type)]++;
            }
        }

        var occurrences = new Dictionary<ulong, int>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (!include(s))
            {
                continue;
            }
            var sentence = traits[s];
            for (var i = 0; i < sentence.Length; i++)
            {
                if (!char.IsUpper(sentence[i].FirstChar))
                {
                    continue;
                }
                for (var length = 1; length <= Gazetteer.MaxPhraseLength && i + length <= sentence.Length; length++)
                {
                    var key = Gazetteer.PhraseKey(sentence.AsSpan(i, length));
                    if (labelled.ContainsKey(key))
                    {
                        occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        var phrases = new Dictionary<ulong, byte>();
        foreach (var (key, counts) in labelled)
        {
            var best = 0;
            for (var t = 1; t < counts.Length; t++)
            {
                if (counts[t] > counts[best])
                {
                    best = t;
                }
            }
            if (counts[best] >= MinCount && counts[best] * 2 >= occurrences.GetValueOrDefault(key))
            {
                phrases[key] = (byte)best;
            }
        }
        return new Gazetteer(phrases);
    }

    /// <summary>Marks every sentence with a gazetteer built from the folds it is not in.</summary>
    public static void MarkJackknifed(IReadOnlyList<NerSentence> sentences, IReadOnlyList<TokenTraits[]> traits, TagSet tags)
    {
        for (var fold = 0; fold < Folds; fold++)
        {
            var current = fold;
            var gazetteer = Build(sentences, traits, tags, s => s % Folds != current);
            for (var s = current; s < sentences.Count; s += Folds)
            {
                TokenTraits.AddSentenceContext(traits[s], gazetteer);
            }
        }
    }

    private static int IndexOf(TagSet tags, string type) =>
        tags.TypeIndex(type) is var index and >= 0 ? index : throw new ArgumentException($"Unknown entity type '{type}'.", nameof(type));
}

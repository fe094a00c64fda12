namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Everything the features need from one token, hashed once so that the features of its neighbours reuse it.
/// Computed from the token's characters alone (plus the lexicon), so training on pre-tokenized corpora and
/// tagging raw text see identical values.
/// </summary>
internal struct TokenTraits
{
    public ulong Exact;
    public ulong Folded;
    /// <summary>Character classes, e.g. "Xxxxx", "dd-dd"; capped at <see cref="MaxShapeLength"/> characters.</summary>
    public ulong Shape;
    /// <summary>The shape with repeats collapsed, e.g. "Xx", "d-d", "X.X.".</summary>
    public ulong ShortShape;
    public ulong Prefix1, Prefix2, Prefix3, Prefix4;
    public ulong Suffix1, Suffix2, Suffix3, Suffix4;
    public int Cluster;
    public int CoarseCluster;
    public byte CapitalizationHabit;
    public byte LengthBucket;
    public char FirstChar;

    // Sentence-level context, filled by NameRuns.Mark and Gazetteer.Mark once the whole sentence is known.
    public ulong RunFirst;
    public ulong RunLast;
    public byte RunPosition;
    public byte GazetteerMark;

    public const int MaxShapeLength = 8;

    public static TokenTraits Of(ReadOnlySpan<char> word, WordLexicon lexicon)
    {
        var traits = new TokenTraits
        {
            Exact = FeatureHash.Exact(word),
            Suffix1 = FeatureHash.Folded(word[Math.Max(0, word.Length - 1)..]),
            Suffix2 = FeatureHash.Folded(word[Math.Max(0, word.Length - 2)..]),
            Suffix3 = FeatureHash.Folded(word[Math.Max(0, word.Length - 3)..]),
            Suffix4 = FeatureHash.Folded(word[Math.Max(0, word.Length - 4)..]),
            LengthBucket = (byte)Math.Min(word.Length, 12),
            FirstChar = word.IsEmpty ? '\0' : word[0],
        };
        HashFoldedPrefixes(word, ref traits);
        HashShapes(word, out traits.Shape, out traits.ShortShape);
        var entry = lexicon.Find(traits.Folded);
        traits.Cluster = entry.Cluster;
        traits.CoarseCluster = entry.CoarseCluster;
        traits.CapitalizationHabit = entry.CapitalizationHabit;
        return traits;
    }

    /// <summary>The padding token before the first and after the last word of a sentence.</summary>
    public static TokenTraits Boundary(ulong marker) => new()
    {
        Exact = marker, Folded = marker, Shape = marker, ShortShape = marker,
        Prefix1 = marker, Prefix2 = marker, Prefix3 = marker, Prefix4 = marker,
        Suffix1 = marker, Suffix2 = marker, Suffix3 = marker, Suffix4 = marker,
        Cluster = -2, CoarseCluster = -2, CapitalizationHabit = 255,
        RunFirst = marker, RunLast = marker, RunPosition = 255, GazetteerMark = 255,
    };

    /// <summary>Fills the sentence-level fields of every token of a sentence.</summary>
    public static void AddSentenceContext(Span<TokenTraits> sentence, Gazetteer gazetteer)
    {
        NameRuns.Mark(sentence);
        gazetteer.Mark(sentence);
    }

    /// <summary>
    /// <see cref="Folded"/> and the four folded prefixes in one pass over the word: FNV-1a is a running state,
    /// so the hash of the first k characters is the state after k characters, mixed, exactly what
    /// <see cref="FeatureHash.Folded"/> of that prefix returns. A prefix longer than the word is the whole word.
    /// </summary>
    private static void HashFoldedPrefixes(ReadOnlySpan<char> word, ref TokenTraits traits)
    {
        var state = FeatureHash.FoldedStart;
        Span<ulong> prefixes = stackalloc ulong[4];
        for (var i = 0; i < word.Length; i++)
        {
            state = FeatureHash.FoldedStep(state, word[i]);
            if (i < prefixes.Length)
            {
                prefixes[i] = FeatureHash.Mix(state);
            }
        }
        traits.Folded = FeatureHash.Mix(state);
        for (var k = word.Length; k < prefixes.Length; k++)
        {
            prefixes[k] = traits.Folded;
        }
        traits.Prefix1 = prefixes[0];
        traits.Prefix2 = prefixes[1];
        traits.Prefix3 = prefixes[2];
        traits.Prefix4 = prefixes[3];
    }

    private static void HashShapes(ReadOnlySpan<char> word, out ulong shape, out ulong shortShape)
    {
        Span<char> full = stackalloc char[MaxShapeLength];
        Span<char> collapsed = stackalloc char[MaxShapeLength];
        int fullLength = 0, shortLength = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (fullLength < MaxShapeLength)
            {
                full[fullLength++] = s;
            }
            if (shortLength < MaxShapeLength && (shortLength == 0 || collapsed[shortLength - 1] != s))
            {
                collapsed[shortLength++] = s;
            }
        }
        shape = FeatureHash.Exact(full[..fullLength]);
        shortShape = FeatureHash.Exact(collapsed[..shortLength]);
    }
}

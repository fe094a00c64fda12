namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// The feature templates of the tagger: the token's own form, shape, affixes and corpus habits, its ±2
/// neighbours, the capitalized run it belongs to (<see cref="NameRuns"/>), whether it lies in a name the
/// training data knows (<see cref="Gazetteer"/>), and a few conjunctions that carry the classic NER cues ("Mr." before a capitalized word,
/// a capitalized word that is usually written in lower case, "of" between two capitalized words).
/// Each template yields one 64-bit key per token; a model row exists only for keys seen often enough in training.
/// Changing a template changes the meaning of every model: bump <see cref="Version"/>.
/// </summary>
internal static class FeatureTemplates
{
    public const int Version = 3;
    public const int Count = 42;

    private static readonly TokenTraits Before = TokenTraits.Boundary(0x5EB0_5EB0_5EB0_5EB0UL);
    private static readonly TokenTraits After = TokenTraits.Boundary(0xE05E_E05E_E05E_E05EUL);

    /// <summary>Writes the <see cref="Count"/> feature keys of token <paramref name="i"/> into <paramref name="keys"/>.</summary>
    public static void Extract(ReadOnlySpan<TokenTraits> sentence, int i, Span<ulong> keys)
    {
        ref readonly var w = ref sentence[i];
        ref readonly var p1 = ref i >= 1 ? ref sentence[i - 1] : ref Before;
        ref readonly var p2 = ref i >= 2 ? ref sentence[i - 2] : ref Before;
        ref readonly var n1 = ref i + 1 < sentence.Length ? ref sentence[i + 1] : ref After;
        ref readonly var n2 = ref i + 2 < sentence.Length ? ref sentence[i + 2] : ref After;
        var position = (ulong)(i == 0 ? 1 : 0) | (ulong)(i == sentence.Length - 1 ? 2 : 0);

        keys[0] = FeatureHash.Key(0, 0);
        keys[1] = FeatureHash.Key(1, w.Folded);
        keys[2] = FeatureHash.Key(2, w.Exact);
        keys[3] = FeatureHash.Key(3, p1.Folded);
        keys[4] = FeatureHash.Key(4, n1.Folded);
        keys[5] = FeatureHash.Key(5, p2.Folded);
        keys[6] = FeatureHash.Key(6, n2.Folded);
        keys[7] = FeatureHash.Key(7, w.Shape);
        keys[8] = FeatureHash.Key(8, w.ShortShape);
        keys[9] = FeatureHash.Key(9, p1.ShortShape);
        keys[10] = FeatureHash.Key(10, n1.ShortShape);
        keys[11] = FeatureHash.Key(11, p1.ShortShape, w.ShortShape, n1.ShortShape);
        keys[12] = FeatureHash.Key(12, w.Prefix1);
        keys[13] = FeatureHash.Key(13, w.Prefix2);
        keys[14] = FeatureHash.Key(14, w.Prefix3);
        keys[15] = FeatureHash.Key(15, w.Prefix4);
        keys[16] = FeatureHash.Key(16, w.Suffix1);
        keys[17] = FeatureHash.Key(17, w.Suffix2);
        keys[18] = FeatureHash.Key(18, w.Suffix3);
        keys[19] = FeatureHash.Key(19, w.Suffix4);
        keys[20] = FeatureHash.Key(20, p1.Folded, w.Folded);
        keys[21] = FeatureHash.Key(21, w.Folded, n1.Folded);
        keys[22] = FeatureHash.Key(22, position, w.ShortShape);
        keys[23] = FeatureHash.Key(23, w.CapitalizationHabit, w.ShortShape);
        keys[24] = FeatureHash.Key(24, (ulong)w.Cluster);
        keys[25] = FeatureHash.Key(25, (ulong)w.CoarseCluster, w.ShortShape);
        keys[26] = FeatureHash.Key(26, (ulong)p1.Cluster);
        keys[27] = FeatureHash.Key(27, (ulong)n1.Cluster);
        keys[28] = FeatureHash.Key(28, p1.Folded, w.ShortShape);
        keys[29] = FeatureHash.Key(29, w.ShortShape, n1.Folded);
        keys[30] = FeatureHash.Key(30, p1.CapitalizationHabit, n1.CapitalizationHabit, w.ShortShape);
        keys[31] = FeatureHash.Key(31, w.LengthBucket, w.ShortShape);
        keys[32] = FeatureHash.Key(32, w.RunLast, w.RunPosition);
        keys[33] = FeatureHash.Key(33, w.RunFirst, w.RunPosition);
        keys[34] = FeatureHash.Key(34, w.RunPosition, p1.RunPosition, n1.RunPosition);
        keys[35] = FeatureHash.Key(35, w.GazetteerMark);
        keys[36] = FeatureHash.Key(36, w.GazetteerMark, w.ShortShape, p1.Folded);
        keys[37] = FeatureHash.Key(37, p1.GazetteerMark, w.GazetteerMark, n1.GazetteerMark);
        keys[38] = FeatureHash.Key(38, p2.Folded, p1.Folded);
        keys[39] = FeatureHash.Key(39, n1.Folded, n2.Folded);
        keys[40] = FeatureHash.Key(40, p1.Folded, n1.Folded);
        keys[41] = FeatureHash.Key(41, (ulong)w.Cluster, w.ShortShape, (ulong)p1.Cluster);
    }
}

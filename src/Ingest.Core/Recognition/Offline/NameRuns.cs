namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Finds runs of capitalized words ("Doyt Perry Stadium", "Bank of Ghana") and gives each of their tokens the
/// run's first and last word: the last word of a name ("Stadium", "Records", "Party") usually decides its type,
/// and a first-order tagger otherwise sees it only from the last token's two-word window.
/// Lower-case particles ("of", "de", "van", "the" …) may sit inside a run but never start or end it.
/// </summary>
internal static class NameRuns
{
    private static readonly ulong[] Particles =
        new[] { "of", "de", "del", "der", "van", "von", "da", "du", "la", "le", "di", "the", "for", "bin", "al", "'s", "&" }
        .Select(p => FeatureHash.Folded(p)).ToArray();

    public static void Mark(Span<TokenTraits> sentence)
    {
        var i = 0;
        while (i < sentence.Length)
        {
            if (!IsCapitalized(sentence[i]))
            {
                sentence[i].RunFirst = 0;
                sentence[i].RunLast = 0;
                sentence[i].RunPosition = 0;
                i++;
                continue;
            }
            var end = i + 1;
            var last = i;
            while (end < sentence.Length && (IsCapitalized(sentence[end]) || IsParticle(sentence[end])))
            {
                if (IsCapitalized(sentence[end]))
                {
                    last = end;
                }
                end++;
            }
            end = last + 1;
            var length = end - i;
            for (var k = i; k < end; k++)
            {
                sentence[k].RunFirst = sentence[i].Folded;
                sentence[k].RunLast = sentence[last].Folded;
                // 1 single word, 2 first, 3 middle, 4 last; +4 for runs longer than three words.
                byte position = length == 1 ? (byte)1 : k == i ? (byte)2 : k == last ? (byte)4 : (byte)3;
                sentence[k].RunPosition = (byte)(position + (length > 3 ? 4 : 0));
            }
            i = end;
        }
    }

    private static bool IsCapitalized(in TokenTraits token) => char.IsUpper(token.FirstChar);

    private static bool IsParticle(in TokenTraits token) => Array.IndexOf(Particles, token.Folded) >= 0;
}

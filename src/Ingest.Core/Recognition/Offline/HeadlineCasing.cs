namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Article titles are often in Title Case ("Storm Batters Coast As Lisbon Prepares") or all capitals, where
/// capitals no longer mark names and the tagger would read every word as one. For such a line each word that
/// the lexicon knows as usually lower-case is shown to the tagger in lower case, and a known name in capitals
/// as "Lisbon"; unknown words are left alone, since an unknown capitalized word in a headline is most often a
/// name. Only what the tagger sees changes: offsets and mention text still come from the original.
/// </summary>
internal static class HeadlineCasing
{
    // Short words that Title Case may leave in lower case.
    private static readonly string[] MinorWords =
        ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as", "vs", "via"];

    public const int MaxWordLength = 48;

    /// <summary>
    /// A line is a headline when it does not end in a period (titles do not; a sentence listing names does), has
    /// at least three words, and every word with letters, minor words aside, starts with a capital.
    /// </summary>
    public static bool IsHeadline(string text, List<TextToken> tokens, SentenceSpan sentence)
    {
        if (tokens[sentence.First + sentence.Count - 1].In(text) is ".")
        {
            return false;
        }
        var words = 0;
        for (var i = sentence.First; i < sentence.First + sentence.Count; i++)
        {
            var word = tokens[i].In(text);
            if (!char.IsLetter(word[0]) || IsMinor(word))
            {
                continue;
            }
            if (!char.IsUpper(word[0]))
            {
                return false;
            }
            words++;
        }
        return words >= 3;
    }

    /// <summary>The word as the tagger should see it, written into <paramref name="buffer"/> when it changes.</summary>
    public static ReadOnlySpan<char> Recase(ReadOnlySpan<char> word, WordLexicon lexicon, Span<char> buffer)
    {
        if (word.Length > buffer.Length || !char.IsLetter(word[0]))
        {
            return word;
        }
        var habit = lexicon.Find(FeatureHash.Folded(word)).CapitalizationHabit;
        if (habit is 1 or 2)
        {
            word.ToLowerInvariant(buffer);
            return buffer[..word.Length];
        }
        if (habit is 3 or 4 && word.Length > 1 && IsAllCaps(word))
        {
            buffer[0] = word[0];
            word[1..].ToLowerInvariant(buffer[1..]);
            return buffer[..word.Length];
        }
        return word;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsMinor(ReadOnlySpan<char> word)
    {
        foreach (var minor in MinorWords)
        {
            if (word.Equals(minor, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Comparisons of a token's text without making a string of it, for the article-wide passes that look for a few
/// fixed words ("of", "is", "'s", "Battle") among every token of an article.
/// </summary>
internal static class TokenText
{
    public static bool Is(string text, TextToken token, string value) => token.In(text).SequenceEqual(value);

    /// <summary>Whether <paramref name="word"/> is one of a handful of <paramref name="words"/> (case-sensitive).</summary>
    public static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The tokenizer's separate possessive ending ("Sayler 's Creek").</summary>
    public static bool IsPossessive(ReadOnlySpan<char> word) => word.SequenceEqual("'s") || word.SequenceEqual("\u2019s");

    /// <summary>A case-insensitive word set looked up by <see cref="FeatureHash.Folded"/> hash, so a span needs no string.</summary>
    public static HashSet<ulong> FoldedSet(IEnumerable<string> words) => words.Select(w => FeatureHash.Folded(w)).ToHashSet();

    public static bool IsIn(ReadOnlySpan<char> word, HashSet<ulong> foldedSet) => foldedSet.Contains(FeatureHash.Folded(word));

    private static readonly HashSet<ulong> CalendarWords = FoldedSet(
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]);

    /// <summary>Month and weekday names: capitalized, but never part of a name in news ("the town of Nablus Thursday").</summary>
    public static bool IsCalendarWord(ReadOnlySpan<char> word) => IsIn(word, CalendarWords);

    /// <summary>
    /// The text between two mentions in text order, without the spaces at its ends; false when they overlap (then there is
    /// nothing between them to read).
    /// </summary>
    public static bool TryGetGap(string text, EntityMention left, EntityMention right, out ReadOnlySpan<char> gap)
    {
        var end = left.Offset + left.Length;
        if (right.Offset < end)
        {
            gap = default;
            return false;
        }
        gap = text.AsSpan(end, right.Offset - end).Trim(' ');
        return true;
    }
    /// <summary>A capitalized word of letters, with apostrophes, hyphens or periods inside ("Cowboy", "DaHv", "O'Neal", "St.").</summary>
    public static bool IsNameWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }
        foreach (var c in word)
        {
            if (!char.IsLetter(c) && c is not '\'' and not '-' and not '.')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// <paramref name="mentions"/> without <paramref name="replaced"/> and with one mention of [<paramref name="from"/>,
    /// <paramref name="to"/>) instead, in text order: a pass that found the whole name replaces the tagger's pieces of it.
    /// </summary>
    public static List<EntityMention> ReplaceWithOne(
        List<EntityMention> mentions, List<EntityMention> replaced, string text, int from, int to, string category, double confidence) =>
        mentions.Except(replaced).Append(new EntityMention
        {
            Text = text[from..to],
            Category = category,
            Offset = from,
            Length = to - from,
            Confidence = confidence,
        }).OrderBy(m => m.Offset).ToList();
    /// <summary>
    /// The mentions that overlap [<paramref name="from"/>, <paramref name="to"/>). A plain loop: the passes call this from
    /// loops over every token, where a lambda capturing the loop's locals would cost a closure per token.
    /// </summary>
    public static List<EntityMention> Overlapping(List<EntityMention> mentions, int from, int to)
    {
        var overlapping = new List<EntityMention>();
        foreach (var mention in mentions)
        {
            if (mention.Offset < to && from < mention.Offset + mention.Length)
            {
                overlapping.Add(mention);
            }
        }
        return overlapping;
    }

    /// <summary>Whether a mention reaches outside [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static bool AnyReachesOutside(List<EntityMention> mentions, int from, int to)
    {
        foreach (var mention in mentions)
        {
            if (mention.Offset < from || mention.Offset + mention.Length > to)
            {
                return true;
            }
        }
        return false;
    }
    /// <summary>The word of letters right before <paramref name="position"/> (spaces skipped), or empty; where it starts.</summary>
    public static ReadOnlySpan<char> WordBefore(string text, int position, out int wordStart)
    {
        var end = position;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }
        wordStart = end;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }
        return text.AsSpan(wordStart, end - wordStart);
    }
}

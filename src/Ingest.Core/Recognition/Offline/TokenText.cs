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
}

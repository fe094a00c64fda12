namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// One capitalized word ending in "-ism" names a doctrine, a religion or a movement ("Catholicism", "Judaism",
/// "Marxism"), which is none of Person, Location or Organization, though the tagger, following GMB (which labels
/// "Christianity" a place), sometimes reports one. Such a one-word mention is dropped.
/// </summary>
internal static class Doctrines
{
    /// <summary>
    /// "the Prussian partition", "the Slavic word", "Hindu pilgrimage": a word ending in "-ian", "-ese" or "-ish" right before
    /// a lower-case word is an adjective of a people, a language or a faith, which GMB leaves out of the three categories
    /// as it does "Iraqi" and "Chinese". The tagger knows the common ones; an unfamiliar one it sometimes reports.
    /// </summary>
    public static bool IsPeopleAdjective(ReadOnlySpan<char> word, ReadOnlySpan<char> next) =>
        word.Length >= 6 && char.IsUpper(word[0]) && !next.IsEmpty && char.IsLower(next[0])
        && (word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("ish", StringComparison.Ordinal));

    public static bool IsDoctrine(ReadOnlySpan<char> word) =>
        word.Length > 5 && char.IsUpper(word[0]) && (word.EndsWith("ism", StringComparison.Ordinal) || word.SequenceEqual("Christianity"));
}

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// One capitalized word ending in "-ism" names a doctrine, a religion or a movement ("Catholicism", "Judaism",
/// "Marxism"), which is none of Person, Location or Organization, though the tagger, following GMB (which labels
/// "Christianity" a place), sometimes reports one. Such a one-word mention is dropped.
/// </summary>
internal static class Doctrines
{
    public static bool IsDoctrine(ReadOnlySpan<char> word) =>
        word.Length > 5 && char.IsUpper(word[0]) && (word.EndsWith("ism", StringComparison.Ordinal) || word.SequenceEqual("Christianity"));
}

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// What unlabeled text says about a word (keyed by its folded hash): the distributional cluster it falls in and
/// how it is usually capitalized when not sentence-initial. A capitalized word that is normally lower case
/// ("Police said") is rarely a name; one that is always capitalized usually is. Immutable once built.
/// </summary>
public sealed class WordLexicon
{
    internal readonly record struct Entry(int Cluster, int CoarseCluster, byte CapitalizationHabit);

    /// <summary>Habit of a word too rare in the unlabeled text to tell.</summary>
    internal const byte UnknownHabit = 0;

    private static readonly Entry Unknown = new(-1, -1, UnknownHabit);
    private readonly HashKeyMap<Entry> _entries;

    internal WordLexicon(Dictionary<ulong, Entry> entries) => _entries = new HashKeyMap<Entry>(entries, entries.Count);

    public static WordLexicon Empty { get; } = new(new Dictionary<ulong, Entry>());

    public int Count => _entries.Count;

    internal Entry Find(ulong foldedHash) => _entries.TryGetValue(foldedHash, out var entry) ? entry : Unknown;

    /// <summary>
    /// Whether a capitalized word at the start of a sentence is likely capitalized for its own sake: the unlabeled text
    /// mostly capitalizes it elsewhere, or has too little of it to tell. "Young" and "After" are not.
    /// </summary>
    internal bool IsUsuallyCapitalized(ReadOnlySpan<char> word) => Find(FeatureHash.Folded(word)).CapitalizationHabit is UnknownHabit or >= 3;

    /// <summary>Whether the unlabeled text writes the word in lower case at least half the time ("eagle", "cardinal").</summary>
    internal bool IsUsuallyLowerCase(ReadOnlySpan<char> word) => Find(FeatureHash.Folded(word)).CapitalizationHabit is 1 or 2;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Count);
        foreach (var (key, entry) in _entries.Entries().OrderBy(e => e.Key))
        {
            writer.Write(key);
            writer.Write(entry.Cluster);
            writer.Write(entry.CoarseCluster);
            writer.Write(entry.CapitalizationHabit);
        }
    }

    internal static WordLexicon Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var entries = new Dictionary<ulong, Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            entries[key] = new Entry(reader.ReadInt32(), reader.ReadInt32(), reader.ReadByte());
        }
        return new WordLexicon(entries);
    }
}

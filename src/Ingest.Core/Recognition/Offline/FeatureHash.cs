namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Stable 64-bit hashes for feature keys. <see cref="string.GetHashCode()"/> is randomized per process, and a
/// model file must mean the same thing in every process, so keys are FNV-1a over UTF-16 code units, finished
/// with the SplitMix64 mixer to spread the bits before they are combined with a template number.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Exact(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ c) * FnvPrime;
        }
        return Mix(h);
    }

    /// <summary>Lower-cased, with every digit read as 0 so that "1994" and "2031" share their statistics.</summary>
    public static ulong Folded(ReadOnlySpan<char> s)
    {
        var h = FoldedStart;
        foreach (var c in s)
        {
            h = FoldedStep(h, c);
        }
        return Mix(h);
    }

    /// <summary>The running state of <see cref="Folded"/> before any character; <see cref="Mix"/> of a state is the hash.</summary>
    public const ulong FoldedStart = FnvOffset;

    /// <summary>The running state of <see cref="Folded"/> after one more character.</summary>
    public static ulong FoldedStep(ulong state, char c) => (state ^ Fold(c)) * FnvPrime;

    public static char Fold(char c) => char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);

    public static ulong Key(int template, ulong value) => Mix(value + (ulong)(template + 1) * Golden);

    public static ulong Key(int template, ulong first, ulong second) => Mix(Key(template, first) ^ (second * FnvPrime));

    public static ulong Key(int template, ulong first, ulong second, ulong third) =>
        Mix(Key(template, first, second) ^ (third * Golden));

    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}

using System.Numerics;
using System.Text;

namespace Ingest.Core.Deduplication;

/// <summary>
/// Hashes a text's overlapping word shingles straight from its characters: words are runs of letters and
/// digits, case-folded as they are hashed, so no word or shingle string is ever allocated. Punctuation,
/// spacing and line breaks separate words and nothing else, which is what makes a re-wrapped or re-encoded
/// copy shingle like the original.
/// </summary>
public static class WordShingles
{
    /// <summary>
    /// NFKC folds compatibility forms (ligatures, full-width letters) as the exact-duplicate hash does. Call it
    /// before <see cref="Hash"/>; it returns the same instance when the text is already normalized, the common case.
    /// </summary>
    public static string Normalize(string text) =>
        text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);

    /// <summary>Room enough for every shingle of a text this long: a word takes at least one character and a separator.</summary>
    public static int MaxShingles(int textLength) => textLength / 2 + 1;

    /// <summary>
    /// Writes the hash of every shingle, in text order (repeated shingles repeat), into <paramref name="destination"/>
    /// (at least <see cref="MaxShingles"/> long) and returns how many. A text with fewer words than
    /// <paramref name="shingleSize"/> is one shingle of all its words; a text with no words has none.
    /// Word hashes are written first and each shingle overwrites the first word it no longer needs, so one buffer serves both.
    /// </summary>
    public static int Hash(ReadOnlySpan<char> text, int shingleSize, Span<ulong> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        if (destination.Length < MaxShingles(text.Length))
        {
            throw new ArgumentException($"The buffer needs room for {MaxShingles(text.Length)} hashes.", nameof(destination));
        }
        var words = HashWords(text, destination);
        if (words == 0)
        {
            return 0;
        }
        var width = Math.Min(shingleSize, words);
        var shingles = words - width + 1;
        for (var start = 0; start < shingles; start++)
        {
            destination[start] = Combine(destination.Slice(start, width));
        }
        return shingles;
    }

    /// <summary>Writes one 64-bit hash per word into <paramref name="destination"/> and returns how many.</summary>
    internal static int HashWords(ReadOnlySpan<char> text, Span<ulong> destination)
    {
        var count = 0;
        var hash = FnvOffset;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bool isWordChar;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Letters outside the BMP (CJK extensions, historic scripts) are hashed as their two code units.
                isWordChar = Rune.IsLetterOrDigit(new Rune(c, text[i + 1]));
                if (isWordChar)
                {
                    hash = (hash ^ c) * FnvPrime;
                    c = text[++i];
                }
            }
            else
            {
                isWordChar = char.IsLetterOrDigit(c);
                c = char.ToLowerInvariant(c);
            }

            if (isWordChar)
            {
                hash = (hash ^ c) * FnvPrime;
                inWord = true;
            }
            else if (inWord)
            {
                destination[count++] = Finalize(hash);
                hash = FnvOffset;
                inWord = false;
            }
        }
        if (inWord)
        {
            destination[count++] = Finalize(hash);
        }
        return count;
    }

    /// <summary>Order-sensitive: "a b c" and "c b a" are different shingles.</summary>
    private static ulong Combine(ReadOnlySpan<ulong> words)
    {
        var hash = 0x2545F4914F6CDD1DUL;
        foreach (var word in words)
        {
            hash = (BitOperations.RotateLeft(hash, 27) ^ word) * 0x9E3779B97F4A7C15UL;
        }
        return Finalize(hash);
    }

    /// <summary>The MurmurHash3 64-bit finalizer: spreads every input bit over every output bit.</summary>
    internal static ulong Finalize(ulong value)
    {
        value ^= value >> 33;
        value *= 0xFF51AFD7ED558CCDUL;
        value ^= value >> 33;
        value *= 0xC4CEB93FE53B6A63UL;
        value ^= value >> 33;
        return value;
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
}

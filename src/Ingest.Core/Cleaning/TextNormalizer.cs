using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Ingest.Core.Cleaning;

/// <summary>
/// The character-level normalization every format shares: Unicode NFC, invisible and control characters
/// removed (line feeds kept), any run of spaces, tabs or no-break spaces inside a line collapsed to one
/// space, lines trimmed. Typographic quotes and dashes are left exactly as written.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalizes one line or inline fragment: no line breaks in the result.</summary>
    public static string NormalizeInline(string text) => Normalize(text, keepLineBreaks: false);

    /// <summary>Normalizes multi-line text; line breaks survive (CR LF and lone CR become LF), blank lines become empty.</summary>
    public static string NormalizeLines(string text) => Normalize(text, keepLineBreaks: true);

    private static string Normalize(string text, bool keepLineBreaks)
    {
        if (!IsCertainlyNfc(text) && !text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }
        return NeedsNoChange(text, keepLineBreaks) ? text : NormalizeCharacters(text, keepLineBreaks);
    }

    /// <summary>The character loop of <see cref="Normalize"/> on NFC text; what the shortcut must always agree with.</summary>
    internal static string NormalizeCharacters(string text, bool keepLineBreaks)
    {
        var source = text.AsSpan();
        // Output is never longer than the input, so one pooled buffer of the input's length is enough.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var output = buffer.AsSpan();
            var length = 0;
            var lineStart = 0;
            var pendingSpace = false;
            var i = 0;
            while (i < source.Length)
            {
                // Printable ASCII and the spaces between words, the bulk of most articles, need no per-character
                // decision: a vectorized search finds where such a run ends and the run is copied as a block.
                var runLength = source[i..].IndexOfAnyExceptInRange(' ', '~');
                runLength = runLength < 0 ? source.Length - i : runLength;
                if (runLength > 0)
                {
                    var run = source.Slice(i, runLength);
                    i += runLength;
                    var words = run.TrimStart(' ');
                    if (words.Length < run.Length)
                    {
                        pendingSpace = length > lineStart;
                    }
                    if (words.IsEmpty)
                    {
                        continue;
                    }
                    var trimmed = words.TrimEnd(' ');
                    if (pendingSpace)
                    {
                        output[length++] = ' ';
                    }
                    length += CopyCollapsingSpaces(trimmed, output[length..]);
                    pendingSpace = trimmed.Length < words.Length;
                    continue;
                }
                var c = source[i++];
                if (IsLineBreak(c))
                {
                    if (c == '\r' && i < source.Length && source[i] == '\n')
                    {
                        i++;
                    }
                    if (keepLineBreaks)
                    {
                        output[length++] = '\n';
                        lineStart = length;
                        pendingSpace = false;
                    }
                    else
                    {
                        pendingSpace = length > lineStart;
                    }
                    continue;
                }
                if (IsSpace(c))
                {
                    pendingSpace = length > lineStart;
                    continue;
                }
                if (IsInvisible(c))
                {
                    continue;
                }
                if (pendingSpace)
                {
                    output[length++] = ' ';
                    pendingSpace = false;
                }
                output[length++] = c;
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Characters the loop in <see cref="NormalizeCharacters"/> changes or removes wherever they stand: line breaks
    /// other than the line feed, spaces other than the ASCII space, and invisibles. Taken from the loop's own tests so
    /// the shortcut cannot drift from it; the line feed and the space are looked at in context by <see cref="NeedsNoChange"/>.
    /// </summary>
    private static readonly SearchValues<char> ChangedCharacters = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => c is not ('\n' or ' ') && (IsLineBreak(c) || IsSpace(c) || IsInvisible(c)))
            .ToArray());

    /// <summary>
    /// True when normalizing would return the text unchanged: none of <see cref="ChangedCharacters"/>, no run of two
    /// spaces, no space at either end of a line and no line feed when line breaks are not kept. Most producers'
    /// files are like that; a few vectorized searches then replace the character loop and the copy.
    /// </summary>
    private static bool NeedsNoChange(string text, bool keepLineBreaks)
    {
        var span = text.AsSpan();
        return span.Length > 0 && span[0] != ' ' && span[^1] != ' '
            && span.IndexOfAny(ChangedCharacters) < 0
            && !span.Contains("  ", StringComparison.Ordinal)
            && (keepLineBreaks
                ? !span.Contains(" \n", StringComparison.Ordinal) && !span.Contains("\n ", StringComparison.Ordinal)
                : !span.Contains('\n'));
    }

    /// <summary>Copies text that neither starts nor ends with a space, turning each run of spaces into one; returns the characters written.</summary>
    private static int CopyCollapsingSpaces(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (!text.Contains("  ", StringComparison.Ordinal))
        {
            text.CopyTo(destination);
            return text.Length;
        }
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ' || text[i - 1] != ' ')
            {
                destination[written++] = text[i];
            }
        }
        return written;
    }

    /// <summary>
    /// A fast scan that answers "already NFC" for the usual article: characters below U+0300 (ASCII and
    /// Latin-1, which NFC never changes) plus typographic punctuation (U+2010–U+206F) and currency signs,
    /// which have no canonical decompositions. Anything else goes to the full ICU check. The search for the
    /// next character at or above U+0300 is vectorized, so Latin text costs a fraction of a character loop.
    /// </summary>
    private static bool IsCertainlyNfc(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var next = text.IndexOfAnyExceptInRange('\0', '\u02FF');
            if (next < 0)
            {
                return true;
            }
            if (text[next] is not (>= '\u2010' and <= '\u206F') and not (>= '\u20A0' and <= '\u20CF'))
            {
                return false;
            }
            text = text[(next + 1)..];
        }
    }

    /// <summary>Line breaks: LF, CR (alone or before LF) and the Unicode line and paragraph separators.</summary>
    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u2028' or '\u2029';

    /// <summary>Whitespace that separates words within a line: ASCII space and tab, no-break and the Unicode space separators.</summary>
    public static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A');

    /// <summary>
    /// Characters that render as nothing and only get in the way of matching: C0/C1 controls, zero-width
    /// space/joiners, direction marks, word joiner, BOM and the soft hyphen. The zero-width joiner is kept
    /// because it is part of emoji and of some scripts' spelling.
    /// </summary>
    public static bool IsInvisible(char c) =>
        c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u200B' or '\u200C' or '\u200E' or '\u200F'
            or (>= '\u202A' and <= '\u202E') or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>Counts words: maximal runs of letters, digits and joined punctuation (it's, 2,000) separated by whitespace.</summary>
    /// <remarks>
    /// Every article's text is counted once per line and once whole, so this is on the hot path of cleaning. A word
    /// is counted at its first character: a run start (non-space after a space, or at the start) that is a letter or
    /// digit counts at once, and the rarer run that opens with punctuation ("(AP)", a quote) is scanned until its
    /// first letter or digit. Blocks of 32 characters that are all printable ASCII or line feeds, nearly all of an
    /// English article, find their run starts with vector compares and bit masks; any other block (accents, dashes,
    /// other scripts, tabs) takes the per-character path. <see cref="CountWordsScalar"/> is the reference both follow.
    /// </remarks>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = 0;
        // Bit 0 set: the character before the current block is whitespace (or there is none), so a run may start at the block's first character.
        var previousIsSpace = 1u;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(text);
            for (; i + 32 <= text.Length; i += 32)
            {
                var low = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref start), (nuint)i);
                var high = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref start), (nuint)(i + 16));
                // Printable ASCII is U+0020–U+007E; the line feed is the one control character cleaned text keeps.
                var outside = Vector256.GreaterThan(low - Vector256.Create((ushort)0x20), Vector256.Create((ushort)0x5E)) & ~Vector256.Equals(low, Vector256.Create((ushort)'\n'))
                    | Vector256.GreaterThan(high - Vector256.Create((ushort)0x20), Vector256.Create((ushort)0x5E)) & ~Vector256.Equals(high, Vector256.Create((ushort)'\n'));
                if (outside != Vector256<ushort>.Zero)
                {
                    previousIsSpace = CountBlockScalar(text, i, i + 32, previousIsSpace, ref count);
                    continue;
                }
                var bytes = Vector256.Narrow(low, high);
                var space = (Vector256.Equals(bytes, Vector256.Create((byte)' ')) | Vector256.Equals(bytes, Vector256.Create((byte)'\n'))).ExtractMostSignificantBits();
                var letter = Vector256.LessThanOrEqual((bytes | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)('z' - 'a')));
                var digit = Vector256.LessThanOrEqual(bytes - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
                var content = (letter | digit).ExtractMostSignificantBits();
                var runStarts = ~space & ((space << 1) | previousIsSpace);
                count += BitOperations.PopCount(runStarts & content);
                // Runs that open with punctuation: rare, and each is scanned to its first letter or digit.
                for (var opening = runStarts & ~content; opening != 0; opening &= opening - 1)
                {
                    count += RunHasContent(text, i + BitOperations.TrailingZeroCount(opening)) ? 1 : 0;
                }
                previousIsSpace = space >> 31;
            }
        }
        CountBlockScalar(text, i, text.Length, previousIsSpace, ref count);
        return count;
    }

    /// <summary>Counts the words starting in [from, to); returns 1 when the block's last character is whitespace.</summary>
    private static uint CountBlockScalar(ReadOnlySpan<char> text, int from, int to, uint previousIsSpace, ref int count)
    {
        var afterSpace = previousIsSpace != 0;
        for (var i = from; i < to; i++)
        {
            var kind = Classify(text[i]);
            if (kind == AsciiKind.WhiteSpace)
            {
                afterSpace = true;
                continue;
            }
            if (afterSpace)
            {
                count += kind == AsciiKind.LetterOrDigit || RunHasContent(text, i) ? 1 : 0;
            }
            afterSpace = false;
        }
        return afterSpace ? 1u : 0u;
    }

    /// <summary>Whether the run of non-whitespace starting at <paramref name="start"/> holds a letter or digit.</summary>
    private static bool RunHasContent(ReadOnlySpan<char> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            switch (Classify(text[i]))
            {
                case AsciiKind.LetterOrDigit: return true;
                case AsciiKind.WhiteSpace: return false;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AsciiKind Classify(char c)
    {
        // ASCII, nearly every character of most articles, is classified by table instead of the general Unicode
        // lookups; comparing with the table's length lets the JIT drop the bounds check.
        var asciiKinds = AsciiKinds;
        return c < (uint)asciiKinds.Length ? asciiKinds[c]
            : char.IsWhiteSpace(c) ? AsciiKind.WhiteSpace : char.IsLetterOrDigit(c) ? AsciiKind.LetterOrDigit : AsciiKind.Other;
    }

    /// <summary>The plain per-character definition of <see cref="CountWords"/>, kept as the reference its tests compare against.</summary>
    internal static int CountWordsScalar(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        var wordHasContent = false;
        foreach (var c in text)
        {
            var kind = Classify(c);
            if (kind == AsciiKind.WhiteSpace)
            {
                if (inWord && wordHasContent)
                {
                    count++;
                }
                inWord = false;
                wordHasContent = false;
                continue;
            }
            inWord = true;
            wordHasContent |= kind == AsciiKind.LetterOrDigit;
        }
        if (inWord && wordHasContent)
        {
            count++;
        }
        return count;
    }

    private enum AsciiKind : byte
    {
        Other,
        WhiteSpace,
        LetterOrDigit,
    }

    /// <summary><see cref="char.IsWhiteSpace(char)"/> and <see cref="char.IsLetterOrDigit(char)"/> for the 128 ASCII characters, computed from them.</summary>
    private static readonly AsciiKind[] AsciiKinds = Enumerable.Range(0, 128)
        .Select(c => char.IsWhiteSpace((char)c) ? AsciiKind.WhiteSpace : char.IsLetterOrDigit((char)c) ? AsciiKind.LetterOrDigit : AsciiKind.Other)
        .ToArray();
}

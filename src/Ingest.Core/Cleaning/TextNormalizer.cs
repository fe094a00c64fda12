using System.Buffers;
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
        // Output is never longer than the input, so one pooled buffer of the input's length is enough.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var length = 0;
            var lineStart = 0;
            var pendingSpace = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is >= '!' and <= '~')
                {
                    // Printable ASCII, the bulk of most articles: no further checks needed.
                    if (pendingSpace)
                    {
                        buffer[length++] = ' ';
                        pendingSpace = false;
                    }
                    buffer[length++] = c;
                    continue;
                }
                if (c is '\r' or '\n' or '\u2028' or '\u2029')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    if (keepLineBreaks)
                    {
                        buffer[length++] = '\n';
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
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }
                buffer[length++] = c;
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A fast scan that answers "already NFC" for the usual article: characters below U+0300 (ASCII and
    /// Latin-1, which NFC never changes) plus typographic punctuation (U+2010–U+206F) and currency signs,
    /// which have no canonical decompositions. Anything else goes to the full ICU check.
    /// </summary>
    private static bool IsCertainlyNfc(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && c is not (>= '\u2010' and <= '\u206F') and not (>= '\u20A0' and <= '\u20CF'))
            {
                return false;
            }
        }
        return true;
    }

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
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        var wordHasContent = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
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
            wordHasContent |= char.IsLetterOrDigit(c);
        }
        if (inWord && wordHasContent)
        {
            count++;
        }
        return count;
    }
}

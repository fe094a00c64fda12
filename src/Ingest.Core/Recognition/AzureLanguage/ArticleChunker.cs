using System.Globalization;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>A slice of the article, as a UTF-16 range, sent to the service as one document.</summary>
internal readonly record struct TextChunk(int Offset, int Length)
{
    public int End => Offset + Length;
}

/// <summary>
/// Cuts an article into consecutive slices the service accepts. The service counts its per-document limit in
/// text elements (<see cref="StringInfo"/> grapheme clusters), so slices are measured and cut in whole text
/// elements: a surrogate pair or a letter with its combining marks is never split. A cut goes, in order of
/// preference, after a sentence end or paragraph break in the back half of the window (so an entity is rarely
/// cut and chunks stay large enough not to waste billed text records), after any whitespace, or at the limit.
/// Slices cover the whole text without overlap, so a slice's offset maps its entities back to the article.
/// </summary>
internal static class ArticleChunker
{
    // Words that end in a full stop mid-sentence, mostly before a name; see FollowsAbbreviation.
    private static readonly string[] Abbreviations =
        ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Inc", "Corp", "Co", "Ltd", "No", "vs"];

    public static IReadOnlyList<TextChunk> Split(string text, int maxTextElements, int maxUtf16Length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextElements, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUtf16Length, 1);
        if (text.Length == 0)
        {
            return [];
        }

        var elementStarts = StringInfo.ParseCombiningCharacters(text);
        var elementCount = elementStarts.Length;
        int StartOf(int element) => element < elementCount ? elementStarts[element] : text.Length;

        var chunks = new List<TextChunk>();
        var first = 0;
        while (first < elementCount)
        {
            var limit = Math.Min(elementCount, first + maxTextElements);
            // The byte budget of a request caps UTF-16 length too; only text of huge grapheme clusters reaches it.
            while (limit > first + 1 && StartOf(limit) - StartOf(first) > maxUtf16Length)
            {
                limit = LastElementStartingAtOrBefore(elementStarts, StartOf(first) + maxUtf16Length, first + 1);
            }

            var end = limit == elementCount ? limit : ChooseCut(text, elementStarts, first, limit);
            chunks.Add(new TextChunk(StartOf(first), StartOf(end) - StartOf(first)));
            first = end;
        }
        return chunks;
    }

    /// <summary>The element index to cut before: in (<paramref name="first"/>, <paramref name="limit"/>].</summary>
    private static int ChooseCut(string text, int[] elementStarts, int first, int limit)
    {
        var sentenceFloor = first + (limit - first) / 2;
        var lastWhitespaceCut = -1;
        for (var cut = limit; cut > first; cut--)
        {
            var position = elementStarts[cut];
            if (char.IsWhiteSpace(text[position]))
            {
                continue; // cut where a word starts, so whitespace stays with the chunk before
            }
            if (cut >= sentenceFloor && EndsSentence(text, position))
            {
                return cut;
            }
            if (lastWhitespaceCut < 0 && char.IsWhiteSpace(text[position - 1]))
            {
                lastWhitespaceCut = cut;
            }
        }
        return lastWhitespaceCut > 0 ? lastWhitespaceCut : limit;
    }

    /// <summary>
    /// Whether <paramref name="position"/> starts a sentence: after a line break, after a Western full stop (or
    /// ! ? …) and a space, or straight after an ideographic full stop, which CJK text follows without a space.
    /// Closing quotes and brackets may sit between. A full stop after an initial or a title ("John F. Kennedy",
    /// "Dr. Ng") is not a sentence end: cutting there would cut a name.
    /// </summary>
    private static bool EndsSentence(string text, int position)
    {
        var index = position - 1;
        var spaced = false;
        while (index >= 0 && char.IsWhiteSpace(text[index]))
        {
            if (text[index] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return true;
            }
            spaced = true;
            index--;
        }
        while (index >= 0 && text[index] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB' or '\u300D' or '\u300F' or '\uFF09')
        {
            index--;
        }
        if (index < 0)
        {
            return false;
        }
        return text[index] switch
        {
            '\u3002' or '\uFF01' or '\uFF1F' => true,
            '!' or '?' or '\u2026' => spaced,
            '.' => spaced && !FollowsAbbreviation(text, index),
            _ => false,
        };
    }

    /// <summary>Whether the full stop at <paramref name="stop"/> ends an initial ("F.", "U.S.") or a common title or company abbreviation.</summary>
    private static bool FollowsAbbreviation(string text, int stop)
    {
        var wordStart = stop;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }
        var word = text.AsSpan(wordStart, stop - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }
        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static int LastElementStartingAtOrBefore(int[] elementStarts, int position, int atLeast)
    {
        var found = Array.BinarySearch(elementStarts, position);
        var element = found >= 0 ? found : ~found - 1;
        return Math.Max(element, atLeast);
    }
}

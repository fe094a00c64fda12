using System.Globalization;
using System.Text;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Splits text into word and punctuation tokens with exact UTF-16 offsets, close to the news-corpus
/// (Penn-like) tokenization the tagger was trained on: "U.S." and "Mr." keep their period, "1,000.5" and
/// "al-Qaida" stay whole, a possessive "'s" is split off, every other symbol is its own token. A surrogate
/// pair is never split, so offsets always land on whole characters.
/// </summary>
public static class TextTokenizer
{
    // Words that take a period as part of the token, so "Mr. Smith" does not read as a sentence end.
    // Checked only when a word is followed by a period, so a linear scan (no allocation) is cheap enough.
    private static readonly string[] Abbreviations =
    [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj", "adm",
        "st", "mt", "ft", "jr", "sr", "rev", "hon", "pres", "supt", "cmdr", "brig", "cpl", "pvt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "corp", "co", "ltd", "bros", "no", "vs", "etc", "approx", "dept", "univ", "assn", "ave", "blvd",
    ];

    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>(text.Length / 5 + 1);
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(string text, List<TextToken> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var end = IsWordChar(text, i) ? ScanWord(text, i) : ScanSymbol(text, i);
            tokens.Add(new TextToken(i, end - i));
            i = end;
        }
    }

    private static int ScanWord(string text, int start)
    {
        var i = start;
        var hasInnerPeriod = false;
        while (i < text.Length)
        {
            if (IsWordChar(text, i))
            {
                i += char.IsHighSurrogate(text[i]) ? 2 : 1;
                continue;
            }

            var c = text[i];
            var next = i + 1 < text.Length && IsWordChar(text, i + 1);
            if (!next)
            {
                break;
            }

            if (c is '-' or '\u2010' or '\u2011' or '&' or '_')
            {
                i++;
            }
            else if (c is '.')
            {
                hasInnerPeriod = true;
                i++;
            }
            else if (c is ',' or ':' && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
            else if (c is '\'' or '\u2019')
            {
                // "Iraq's" -> "Iraq" + "'s" (the possessive is its own token in the training corpora);
                // "O'Brien" and "don't" stay whole.
                if (IsPossessive(text, i))
                {
                    break;
                }
                i++;
            }
            else
            {
                break;
            }
        }

        // A trailing period belongs to the word for abbreviations ("U.S.", "Mr.", "J.") and not otherwise.
        if (i < text.Length && text[i] == '.' && TakesPeriod(text.AsSpan(start, i - start), hasInnerPeriod))
        {
            i++;
            // "U.S.-led" is one word, as "London-based" is: the corpora keep such compounds whole (GMB tags
            // "U.S.-led" O 334 times), so splitting off "U.S." would make a place of what is a modifier.
            if (i + 1 < text.Length && text[i] is '-' or '\u2010' or '\u2011' && IsWordChar(text, i + 1))
            {
                return ScanWord(text, i + 1);
            }
        }
        return i;
    }

    private static bool IsPossessive(string text, int apostrophe)
    {
        var s = apostrophe + 1;
        if (s >= text.Length || (text[s] != 's' && text[s] != 'S'))
        {
            return false;
        }
        return s + 1 >= text.Length || !IsWordChar(text, s + 1);
    }

    private static bool TakesPeriod(ReadOnlySpan<char> word, bool hasInnerPeriod)
    {
        if (hasInnerPeriod)
        {
            return true;
        }
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }
        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static int ScanSymbol(string text, int start)
    {
        if (char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]))
        {
            return start + 2;
        }

        // The possessive clitic split off by ScanWord.
        if (text[start] is '\'' or '\u2019' && IsPossessive(text, start))
        {
            return start + 2;
        }

        // Runs of the same punctuation ("...", "--", "!!") are one token.
        var i = start + 1;
        if (text[start] is '.' or '-' or '!' or '?' or '*' or '=')
        {
            while (i < text.Length && text[i] == text[start])
            {
                i++;
            }
        }
        return i;
    }

    internal static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length
                && Rune.TryCreate(c, text[i + 1], out var rune)
                && Rune.IsLetterOrDigit(rune);
        }
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}

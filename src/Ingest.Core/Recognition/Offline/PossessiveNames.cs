using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "Macy 's", "Dillard 's", "Miller's": shops, bars and firms named in the possessive. A possessive "'s" needs a noun
/// after it ("Macy 's parade"); where it is followed by the end of a phrase instead ("became Macy 's in 2006", "with
/// Ivey 's and Hudson Belk as anchors", "at Miller's , the bar"), the "'s" belongs to the name, which names a business.
/// The tagger stops such a name before the "'s" and often reads it as a surname, so this pass makes the mention
/// "X 's" an Organization, and every other "X 's" in the article too ("the original Ivey 's store").
/// Places are left alone: "Taiwan 's strength with China 's ." is the ordinary elliptical possessive, as is
/// "Bush 's and Blair 's policies", which the look-ahead over a list of possessives recognizes.
/// </summary>
internal static class PossessiveNames
{
    /// <summary>Words after which a name's "'s" cannot be a possessive that still needs its noun.</summary>
    private static readonly string[] VerbsAfterName = ["was", "became", "opened", "closed", "moved"];

    private static readonly string[] Conjunctions = ["and", "or", "&"];

    /// <summary>Returns the mentions (text order) with possessive names widened over their "'s" and typed Organization.</summary>
    public static List<EntityMention> Apply(List<EntityMention> mentions, string text)
    {
        HashSet<string>? names = null;
        foreach (var mention in mentions)
        {
            // A person's full name before "'s" is that person's ("bands, including Rudy Vallee 's in 1937"); a shop
            // named after its founder carries the surname alone.
            var candidate = mention.Category == EntityCategories.Organization
                || (mention.Category == EntityCategories.Person && !mention.Text.Contains(' '));
            if (candidate && PossessiveEnd(text, mention) is var end && end > 0 && EndsName(text, end))
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(mention.Text);
            }
        }
        if (names is null)
        {
            return mentions;
        }
        // A name the article also writes without "'s" is not a shop's: "the Schlegel 's were granted a title" beside
        // "Friedrich Schlegel" is the family.
        foreach (var mention in mentions)
        {
            if (names.Contains(mention.Text) && PossessiveEnd(text, mention) == 0)
            {
                names.Remove(mention.Text);
            }
        }
        var result = new List<EntityMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            var end = names.Contains(mention.Text) ? PossessiveEnd(text, mention) : 0;
            result.Add(end > 0
                ? mention with
                {
                    Text = text[mention.Offset..end],
                    Length = end - mention.Offset,
                    Category = EntityCategories.Organization,
                }
                : mention);
        }
        return result;
    }

    /// <summary>The end of the "'s" right after the mention (at most one space between), or 0 when none follows.</summary>
    private static int PossessiveEnd(string text, EntityMention mention)
    {
        var at = mention.Offset + mention.Length;
        if (at < text.Length && text[at] == ' ')
        {
            at++;
        }
        if (at + 2 > text.Length || !TokenText.IsPossessive(text.AsSpan(at, 2)))
        {
            return 0;
        }
        var end = at + 2;
        return end == text.Length || !char.IsLetterOrDigit(text[end]) ? end : 0;
    }

    /// <summary>What follows the "'s" ending at <paramref name="end"/> closes the phrase rather than naming a possessed thing.</summary>
    private static bool EndsName(string text, int end)
    {
        var next = NextWord(text, end, out var nextEnd);
        if (next.IsEmpty)
        {
            return true;
        }
        if (TokenText.IsOneOf(next, VerbsAfterName))
        {
            return true;
        }
        if (next.SequenceEqual("in"))
        {
            // "became Macy 's in 2006", but not "Obama 's in trouble", where "'s" is "is".
            var after = NextWord(text, nextEnd, out _);
            return !after.IsEmpty && char.IsDigit(after[0]);
        }
        var closes = next[0] is '.' or ';' or ':' or ')' or '!' or '?';
        var continues = next[0] == ',' || TokenText.IsOneOf(next, Conjunctions);
        if (!closes && !continues)
        {
            return false;
        }
        return closes || !ListOfPossessivesNeedsNoun(text, nextEnd);
    }

    /// <summary>
    /// "Bush 's , Blair 's and Chirac 's policies": a list whose last possessive is followed by a lower-case noun shares
    /// that noun, so none of its items is a name.
    /// </summary>
    private static bool ListOfPossessivesNeedsNoun(string text, int from)
    {
        var sentenceEnd = text.IndexOf(" . ", from, StringComparison.Ordinal);
        var limit = Math.Min(sentenceEnd < 0 ? text.Length : sentenceEnd, from + 80);
        var at = from;
        while (at < limit)
        {
            var word = NextWord(text, at, out var wordEnd);
            if (word.IsEmpty || wordEnd > limit)
            {
                return false;
            }
            if (TokenText.IsPossessive(word) || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal))
            {
                var after = NextWord(text, wordEnd, out _);
                if (!after.IsEmpty && (after[0] == ',' || TokenText.IsOneOf(after, Conjunctions)))
                {
                    // The list goes on: its last possessive decides.
                    at = wordEnd;
                    continue;
                }
                return !after.IsEmpty && char.IsLower(after[0]) && !TokenText.IsOneOf(after, VerbsAfterName);
            }
            at = wordEnd;
        }
        return false;
    }

    /// <summary>The next space-separated word at or after <paramref name="from"/>, with punctuation as its own word.</summary>
    private static ReadOnlySpan<char> NextWord(string text, int from, out int end)
    {
        var begin = from;
        while (begin < text.Length && text[begin] == ' ')
        {
            begin++;
        }
        end = begin;
        if (begin == text.Length)
        {
            return [];
        }
        if (!char.IsLetterOrDigit(text[begin]) && text[begin] is not '\'' and not '\u2019' and not '&')
        {
            end = begin + 1;
            return text.AsSpan(begin, 1);
        }
        while (end < text.Length && text[end] != ' ' && (char.IsLetterOrDigit(text[end]) || text[end] is '\'' or '\u2019' or '&' or '-'))
        {
            end++;
        }
        return text.AsSpan(begin, end - begin);
    }
}

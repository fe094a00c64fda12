using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "William Mailes " Cowboy " Cowley", "Harold " Junior " Theriault": a nickname in quotes between a person's given
/// names and surname is part of the name. The tagger stops at the quote, or runs into it, and leaves the surname apart;
/// this pass makes the whole name, quotes included, one Person mention where the tagger found a person in it.
/// </summary>
internal static class Nicknames
{
    private const int MaxGivenNames = 4;
    private const int MaxNicknameWords = 2;
    private const int MaxSurnameWords = 2;

    public static List<EntityMention> Apply(List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences)
    {
        List<EntityMention>? result = null;
        foreach (var sentence in sentences)
        {
            var last = sentence.First + sentence.Count;
            for (var open = sentence.First + 1; open < last - 3; open++)
            {
                if (!IsQuote(text, tokens[open]) || !IsName(text, tokens[open - 1]))
                {
                    continue;
                }
                var close = open + 1;
                while (close < last && close - open - 1 < MaxNicknameWords && IsName(text, tokens[close]))
                {
                    close++;
                }
                if (close == open + 1 || close + 1 >= last || !IsQuote(text, tokens[close]) || !IsName(text, tokens[close + 1]))
                {
                    continue;
                }
                var start = open - 1;
                while (start > sentence.First && open - start < MaxGivenNames && IsName(text, tokens[start - 1]))
                {
                    start--;
                }
                var end = close + 2;
                while (end < last && end - close - 1 < MaxSurnameWords && IsName(text, tokens[end]))
                {
                    end++;
                }
                var from = tokens[start].Start;
                var to = tokens[end - 1].End;
                var current = result ?? mentions;
                var inside = TokenText.Overlapping(current, from, to);
                if (inside.Count == 0 || inside.Any(m => m.Category != EntityCategories.Person))
                {
                    continue;
                }
                result = TokenText.ReplaceWithOne(current, inside, text, from, to, EntityCategories.Person, inside.Min(m => m.Confidence));
                open = end;
            }
        }
        return result ?? mentions;
    }

    private static bool IsQuote(string text, TextToken token) =>
        token.Length == 1 && text[token.Start] is '"' or '\u201C' or '\u201D';

    private static bool IsName(string text, TextToken token) => TokenText.IsNameWord(token.In(text));
}

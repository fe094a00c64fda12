using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "340 Hay Street", "on Collins Ave", "Electric Avenue in Brixton": a capitalized name ending in Street, Avenue, Road,
/// Boulevard, Lane or Drive is a street, a Location. The tagger misses such names after a house number and reads some as
/// people ("Collins"); this pass adds the untagged ones and retypes those typed Person. Organization mentions are left
/// alone ("Wall Street" is the financial industry as often as the street), and so is a name that goes on after the
/// street word ("Street Journal").
/// </summary>
internal static class StreetNames
{
    private const int MaxNameWords = 3;

    private static readonly string[] Articles = ["The", "A", "An"];

    private static readonly string[] StreetWords = ["Street", "Avenue", "Ave", "Road", "Boulevard", "Blvd", "Lane", "Drive"];

    public static List<EntityMention> Apply(List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences)
    {
        List<EntityMention>? result = null;
        foreach (var sentence in sentences)
        {
            var last = sentence.First + sentence.Count;
            for (var j = sentence.First + 1; j < last; j++)
            {
                if (!char.IsUpper(text[tokens[j].Start]) || !TokenText.IsOneOf(tokens[j].In(text), StreetWords)
                    || (j + 1 < last && IsNameWord(text, tokens[j + 1])))
                {
                    continue;
                }
                var start = j;
                while (start > sentence.First && j - start < MaxNameWords && IsNameWord(text, tokens[start - 1]))
                {
                    start--;
                }
                if (start < j && PersonTitles.IsTitle(tokens[start].In(text)))
                {
                    continue; // "Mr. Drive" is a person
                }
                if (start < j && start == sentence.First && TokenText.IsOneOf(tokens[start].In(text), Articles))
                {
                    start++;
                }
                if (start == j)
                {
                    continue;
                }
                var from = tokens[start].Start;
                var to = tokens[j].End;
                var current = result ?? mentions;
                var overlapping = TokenText.Overlapping(current, from, to);
                if (overlapping.Any(m => m.Category != EntityCategories.Person) || TokenText.AnyReachesOutside(overlapping, from, to))
                {
                    continue;
                }
                result = TokenText.ReplaceWithOne(
                    current, overlapping, text, from, to, EntityCategories.Location, overlapping.Count > 0 ? overlapping.Min(m => m.Confidence) : 0.5);
            }
        }
        return result ?? mentions;
    }

    private static bool IsNameWord(string text, TextToken token) => TokenText.IsNameWord(token.In(text));
}

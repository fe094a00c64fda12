using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "NCAA", "ILPAP", "FARC": an acronym of three to six capitals names an organization far more often than a place (GMB
/// labels such words organizations 2,200 times and places 59 times, most of those its own slips). The tagger sometimes
/// types one it has not seen a Location; this pass makes it an Organization, except for the acronyms of countries and
/// their unions ("USSR", "UAE", "DPRK") and of New York City.
/// An acronym the tagger left out is added as an Organization where "the" comes before it and it ends the phrase ("in
/// conjunction with the TAB ,", "the Vancouver Canucks of the PCHL ."): that is how a body is referred to, while an
/// acronym before a noun is a modifier ("the RPO compartment", "the ERA leaders").
/// </summary>
internal static class Acronyms
{
    private static readonly HashSet<string> Countries = new(StringComparer.Ordinal)
    {
        "USA", "USSR", "UAE", "DRC", "ROK", "DPRK", "PRC", "ROC", "FRG", "GDR", "CAR", "KSA", "RSA", "NYC",
    };

    /// <summary>Words after which an acronym still ends its phrase: "the MAAA and the club", "by the SRT in 1963" (a possessive, "the NHL 's", starts with punctuation).</summary>
    private static readonly string[] PhraseEnds = ["of", "in", "by", "at", "to", "from", "for", "with", "on", "and", "or"];

    /// <summary>
    /// Acronyms of common nouns that news writes after "the" ("the GDP in Germany"): in all of GMB these are the only
    /// untagged ones in that position, against 182 that are names.
    /// </summary>
    private static readonly HashSet<string> CommonNouns = new(StringComparer.Ordinal) { "GDP", "GNP", "CEO", "DNA", "SARS", "AIDS", "HIV" };

    private const double AddedConfidence = 0.6;

    public static List<EntityMention> Apply(List<EntityMention> mentions, string text, List<TextToken> tokens) =>
        AddReferredTo(Retype(mentions), text, tokens);

    private static List<EntityMention> AddReferredTo(List<EntityMention> mentions, string text, List<TextToken> tokens)
    {
        List<EntityMention>? added = null;
        var next = 0; // first mention that does not end before the current token
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Cheap tests first: this looks at every token.
            if (token.Length is < 3 or > 6 || !char.IsAsciiLetterUpper(text[token.End - 1]) || !char.IsAsciiLetterUpper(text[token.Start]))
            {
                continue;
            }
            var word = token.In(text);
            var before = tokens[i - 1].In(text);
            if (!IsAcronym(word) || !(before.SequenceEqual("the") || before.SequenceEqual("The")) || !EndsPhrase(text, tokens, i + 1))
            {
                continue;
            }
            while (next < mentions.Count && mentions[next].Offset + mentions[next].Length <= token.Start)
            {
                next++;
            }
            var acronym = word.ToString();
            if ((next < mentions.Count && mentions[next].Offset < token.End) || Countries.Contains(acronym) || CommonNouns.Contains(acronym))
            {
                continue;
            }
            (added ??= []).Add(new EntityMention
            {
                Text = acronym, Category = EntityCategories.Organization, Offset = token.Start, Length = token.Length,
                Confidence = AddedConfidence,
            });
        }
        return added is null ? mentions : [.. mentions.Concat(added).OrderBy(m => m.Offset)];
    }

    /// <summary>The end of the text, a punctuation mark, or a preposition or conjunction at token <paramref name="i"/>.</summary>
    private static bool EndsPhrase(string text, List<TextToken> tokens, int i) =>
        i >= tokens.Count || !char.IsLetterOrDigit(text[tokens[i].Start]) || TokenText.IsOneOf(tokens[i].In(text), PhraseEnds);

    private static List<EntityMention> Retype(List<EntityMention> mentions)
    {
        List<EntityMention>? result = null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Category == EntityCategories.Location && IsAcronym(mention.Text) && !Countries.Contains(mention.Text))
            {
                result ??= [.. mentions];
                result[m] = mention with { Category = EntityCategories.Organization };
            }
        }
        return result ?? mentions;
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 3 or > 6)
        {
            return false;
        }
        foreach (var c in word)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }
        return true;
    }
}

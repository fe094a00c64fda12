using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "played with Footscray and North Melbourne in the VFL", "signed with Coburg", "coached North Melbourne", "26 games
/// for Lausanne": after the verbs of a player's or a coach's career, a town names its club. The tagger reads the town; this
/// pass makes such a Location, and its other mentions in the article, an Organization. Places the training data lists
/// as places ("played for Sweden": a national side, which Azure AI Language and GMB call by the country) are left alone.
/// A company's verbs say the same of an unfamiliar name: "owned by Toshiba-EMI", "licensed by Konami", "signed to
/// Deltasonic" (a record label).
/// </summary>
internal static class SportsTeams
{
    private static readonly string[] CareerVerbs = ["played", "plays", "playing", "signed", "signs", "coached", "coaches", "games", "appearances", "season"];

    /// <summary>Before "by": what a company does to a product, a station or another company.</summary>
    private static readonly string[] BusinessParticiples = ["owned", "licensed", "published", "developed", "manufactured", "distributed", "acquired", "bought", "purchased", "marketed"];

    public static List<EntityMention> Apply(List<EntityMention> mentions, string text, Gazetteer gazetteer, TagSet tags)
    {
        var place = tags.TypeIndex("LOC");
        HashSet<string>? clubs = null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Category != EntityCategories.Location)
            {
                continue;
            }
            var club = AfterCareerVerb(text, mention.Offset) || (m > 0 && mentions[m - 1].Category == EntityCategories.Location
                && clubs is not null && clubs.Contains(mentions[m - 1].Text) && JoinedByAnd(text, mentions[m - 1], mention));
            // The gazetteer lookup hashes the name, so it comes last.
            if (club && !(gazetteer.TryGetType(mention.Text, out var type) && type == place))
            {
                (clubs ??= new HashSet<string>(StringComparer.Ordinal)).Add(mention.Text);
            }
        }
        if (clubs is null)
        {
            return mentions;
        }
        var result = new List<EntityMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            result.Add(mention.Category == EntityCategories.Location && clubs.Contains(mention.Text)
                ? mention with { Category = EntityCategories.Organization }
                : mention);
        }
        return result;
    }

    /// <summary>"played with X", "signed for X", "coached X", "26 games for X", "a season with the X", "owned by X", "signed to X".</summary>
    private static bool AfterCareerVerb(string text, int start)
    {
        var word = TokenText.WordBefore(text, start, out var wordStart);
        if (word.SequenceEqual("the"))
        {
            word = TokenText.WordBefore(text, wordStart, out wordStart);
        }
        if (word.SequenceEqual("coached") || word.SequenceEqual("coaches"))
        {
            return true;
        }
        if (word.SequenceEqual("by"))
        {
            return TokenText.IsOneOf(TokenText.WordBefore(text, wordStart, out _), BusinessParticiples);
        }
        if (word.SequenceEqual("to"))
        {
            return TokenText.WordBefore(text, wordStart, out _).SequenceEqual("signed");
        }
        if (!word.SequenceEqual("with") && !word.SequenceEqual("for"))
        {
            return false;
        }
        return TokenText.IsOneOf(TokenText.WordBefore(text, wordStart, out _), CareerVerbs);
    }

    /// <summary>"Footscray and North Melbourne": the second of two clubs joined by "and".</summary>
    private static bool JoinedByAnd(string text, EntityMention first, EntityMention second) =>
        TokenText.TryGetGap(text, first, second, out var gap) && gap.SequenceEqual("and");
}

using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "Boston Bruins", "St. Louis Cardinals", "Sacramento River Cats", "Ottawa 67s": a town followed by the plural of a
/// common noun names a team (or a band), not a place. The tagger reads such a name by its town and types it Location;
/// this pass makes a Location mention of two or more words an Organization when its last word is such a plural.
/// Plurals that name places ("United States", "Virgin Islands", "Golan Heights", "Florida Keys") are left alone, and so
/// are names that merely end in "s" ("Los Angeles", "St. Louis", "Buenos Aires"): the word without its "s" must be one
/// the unlabeled text writes in lower case ("cardinal", "eagle").
/// </summary>
internal static class TeamNames
{
    private static readonly HashSet<ulong> PlacePlurals = TokenText.FoldedSet(
    [
        "States", "Islands", "Isles", "Heights", "Keys", "Lakes", "Mountains", "Hills", "Falls", "Springs", "Plains",
        "Highlands", "Lowlands", "Emirates", "Territories", "Provinces", "Indies", "Gardens", "Farms", "Woods", "Forks",
        "Rapids", "Narrows", "Sands", "Dunes", "Downs", "Glades", "Flats", "Meadows", "Pines", "Oaks", "Shoals", "Straits",
        "Banks", "Bluffs", "Ridges", "Cliffs", "Valleys", "Lands", "Fields", "Rocks", "Wells", "Ranges", "Reefs",
        "Marshes", "Forests", "Moors", "Fens", "Waters", "Towers", "Apartments", "Estates", "Hotels", "Regions", "Shields",
    ]);

    public static List<EntityMention> Apply(List<EntityMention> mentions, WordLexicon lexicon)
    {
        List<EntityMention>? result = null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Category == EntityCategories.Location && IsTeamName(mention.Text, lexicon))
            {
                result ??= [.. mentions];
                result[m] = mention with { Category = EntityCategories.Organization };
            }
        }
        return result ?? mentions;
    }

    private static bool IsTeamName(string name, WordLexicon lexicon)
    {
        var lastSpace = name.LastIndexOf(' ');
        if (lastSpace < 0)
        {
            return false;
        }
        var last = name.AsSpan(lastSpace + 1);
        if (last.Length < 3 || last[^1] != 's' || !char.IsUpper(last[0]) && !char.IsDigit(last[0]) || TokenText.IsIn(last, PlacePlurals))
        {
            return false;
        }
        if (char.IsDigit(last[0]))
        {
            // "Ottawa 67s", "Phoenix 76ers".
            return true;
        }
        var singular = last[..^1];
        return !singular.EndsWith("s", StringComparison.Ordinal) && lexicon.IsUsuallyLowerCase(singular);
    }
}

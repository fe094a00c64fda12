using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Some words make any name they head a body of water or a landform: "Lincoln Reservoir", "Hancock Brook", "Lake
/// Geneva", "Mount Vernon". The tagger types such a name by its other word ("Lincoln" a person) now and then; a Person or
/// Organization mention of two or more words with one of these heads becomes a Location. "River" counts only last
/// ("River Cats" is a team). Heads that GMB labels as organizations about as often as places ("Islands", "Valley", "Sea",
/// "Peninsula") are left to the tagger, and so is "Park" (parks, but also companies and stadiums).
/// </summary>
internal static class PlaceHeads
{
    private static readonly HashSet<ulong> FinalHeads = TokenText.FoldedSet(
        ["River", "Reservoir", "Creek", "Brook", "Lake", "Bay", "Ocean", "Gulf", "Strait", "Island", "Mountains", "Canyon", "Glacier"]);

    private static readonly HashSet<ulong> InitialHeads = TokenText.FoldedSet(["Lake", "Mount", "Mt.", "Mt"]);

    public static List<EntityMention> Apply(List<EntityMention> mentions)
    {
        List<EntityMention>? result = null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Category is EntityCategories.Person or EntityCategories.Organization && IsPlaceName(mention.Text))
            {
                result ??= [.. mentions];
                result[m] = mention with { Category = EntityCategories.Location };
            }
        }
        return result ?? mentions;
    }

    private static bool IsPlaceName(string name)
    {
        var firstSpace = name.IndexOf(' ');
        if (firstSpace < 0)
        {
            return false;
        }
        var last = name.AsSpan(name.LastIndexOf(' ') + 1);
        var first = name.AsSpan(0, firstSpace);
        return (char.IsUpper(last[0]) && TokenText.IsIn(last, FinalHeads)) || (char.IsUpper(first[0]) && TokenText.IsIn(first, InitialHeads));
    }
}

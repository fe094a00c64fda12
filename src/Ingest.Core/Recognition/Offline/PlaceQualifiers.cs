using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "Coleman , Florida", "Debden , England", "Vigan , Ilocos Sur": a name followed by a comma and a place that ends the
/// phrase is a place within that place, the way addresses and datelines are written. The tagger reads such a name on its
/// own letters ("Coleman" is usually a surname), so this pass makes every mention of it in the article a Location.
/// </summary>
internal static class PlaceQualifiers
{
    /// <summary>Returns the mentions (text order) with each name qualified by a place typed Location throughout.</summary>
    public static List<EntityMention> Apply(List<EntityMention> mentions, string text)
    {
        HashSet<string>? places = null;
        Dictionary<string, int>? dashed = null;
        for (var m = 0; m + 1 < mentions.Count; m++)
        {
            var name = mentions[m];
            var place = mentions[m + 1];
            var route = Route(text, name, place);
            if (route != RouteKind.None)
            {
                var end = name.Category == EntityCategories.Person ? name.Text : place.Text;
                if (route == RouteKind.Dash)
                {
                    dashed ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    dashed[end] = dashed.GetValueOrDefault(end) + 1;
                }
                else
                {
                    (places ??= new HashSet<string>(StringComparer.Ordinal)).Add(end);
                }
                continue;
            }
            if (name.Category != EntityCategories.Person || place.Category != EntityCategories.Location
                || !TokenText.TryGetGap(text, name, place, out var gap))
            {
                continue;
            }
            if (!gap.SequenceEqual(",") || !EndsPhrase(text, place.Offset + place.Length) || AfterListComma(text, name.Offset))
            {
                continue;
            }
            (places ??= new HashSet<string>(StringComparer.Ordinal)).Add(name.Text);
        }
        // A dash joins the ends of a route ("Bangkok - Chiang Mai") but also opens an aside ("at Shark Island - Ben Player
        // and …"), so it counts only where it joins at least half the name's mentions.
        foreach (var (end, dashes) in dashed ?? [])
        {
            if (2 * dashes >= mentions.Count(m => m.Category == EntityCategories.Person && m.Text == end))
            {
                (places ??= new HashSet<string>(StringComparer.Ordinal)).Add(end);
            }
        }
        if (places is null)
        {
            return mentions;
        }
        return mentions.Select(m => places.Contains(m.Text) && m.Category != EntityCategories.Location ? m with { Category = EntityCategories.Location } : m).ToList();
    }

    /// <summary>How two adjacent mentions are joined as the ends of a route, if they are.</summary>
    private enum RouteKind
    {
        None,
        FromTo,
        Dash,
    }

    /// <summary>
    /// "from Harrison to Bridgton Junction", "between Caernarfon and Dinas", "Bangkok - Chiang Mai": two names joined as the
    /// ends of a route, one of them a place and the other typed Person.
    /// </summary>
    private static RouteKind Route(string text, EntityMention first, EntityMention second)
    {
        var personFirst = first.Category == EntityCategories.Person && second.Category == EntityCategories.Location;
        var personSecond = first.Category == EntityCategories.Location && second.Category == EntityCategories.Person;
        if ((!personFirst && !personSecond) || !TokenText.TryGetGap(text, first, second, out var gap))
        {
            return RouteKind.None;
        }
        if (gap.SequenceEqual("-") || gap.SequenceEqual("--") || gap.SequenceEqual("\u2013"))
        {
            // Not a dash that opens an aside: "Al-Zarqawi - Iraq 's most wanted man - is believed …".
            return TokenText.IsPossessive(WordAfter(text, second.Offset + second.Length)) ? RouteKind.None : RouteKind.Dash;
        }
        var before = TokenText.WordBefore(text, first.Offset, out _);
        return (gap.SequenceEqual("to") && before.SequenceEqual("from")) || (gap.SequenceEqual("and") && before.SequenceEqual("between"))
            ? RouteKind.FromTo
            : RouteKind.None;
    }

    /// <summary>The word or possessive right after a position, or empty.</summary>
    private static ReadOnlySpan<char> WordAfter(string text, int end)
    {
        var begin = end;
        while (begin < text.Length && text[begin] == ' ')
        {
            begin++;
        }
        var stop = begin;
        while (stop < text.Length && text[stop] != ' ')
        {
            stop++;
        }
        return text.AsSpan(begin, stop - begin);
    }

    /// <summary>The place is followed by punctuation or a lower-case word, not by more of a name.</summary>
    private static bool EndsPhrase(string text, int end)
    {
        var next = end;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }
        if (next == text.Length)
        {
            return true;
        }
        // Not more of a name, not the place's possessive ("Venezuela 's Hugo Chavez , Bolivia 's Evo Morales"), not a list
        // going on ("Guido , Henrique and José Pedro"), not a citation's year ("Campbell , A.A. ( 1978 )").
        var rest = text.AsSpan(next);
        return !char.IsUpper(rest[0]) && rest[0] != '(' && rest[0] != '\'' && rest[0] != '\u2019'
            && !StartsWord(rest, "and") && !StartsWord(rest, "or");
    }

    private static bool StartsWord(ReadOnlySpan<char> rest, string word) =>
        rest.StartsWith(word, StringComparison.Ordinal) && (rest.Length == word.Length || !char.IsLetter(rest[word.Length]));

    /// <summary>A name after a comma is an item of a list ("Microsoft , Google , Japan and …").</summary>
    private static bool AfterListComma(string text, int start)
    {
        var before = start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }
        return before >= 0 && text[before] == ',';
    }
}

using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// The forms of definition besides "X is a …" and "X , a …": a kind noun right before the name ("the town of Bridgton",
/// "metal band Van Canto"), names given as examples of a plural kind ("bands like New Order , Interpol or Joy Division"),
/// ownership ("6PR is owned by Fairfax Media"), other names ("( also Sunnybower or Sunny Bower )", ", known as 882 6PR")
/// and a defined person's given name.
/// </summary>
internal static partial class DefinedNames
{
    /// <summary>Location kinds that name what follows their "of": "the town of Bridgton", "the parish of Heydour".</summary>
    private static readonly HashSet<ulong> PlaceKindsBeforeOf = TokenText.FoldedSet(
    [
        "town", "village", "city", "county", "province", "parish", "hamlet", "municipality", "borough", "region", "island",
        "state", "district",
    ]);

    /// <summary>Location kinds that name what follows them: "nature park Kopački Rit", "the reserve Tsingy".</summary>
    private static readonly HashSet<ulong> PlaceKindsBeforeName = TokenText.FoldedSet(["park", "reserve"]);

    /// <summary>
    /// Organization kinds that name what follows them: "the band Gigi", "the magazine Forbes". Not "group", which news
    /// uses before names it does not treat as organizations ("the group Reporters Without Borders" is unlabelled in GMB).
    /// </summary>
    private static readonly HashSet<ulong> OrganizationKindsBeforeName = TokenText.FoldedSet(
        ["band", "magazine", "newspaper", "journal", "tabloid", "label", "broadcaster", "airline", "brewery", "orchestra"]);

    /// <summary>
    /// "actor Tyrone Power", "the drummer Carter Beauford", "her son Philipp": a profession or a relative right before a
    /// name. Not the ranks and offices
    /// that start titles ("director", "captain", "chairman"), which <see cref="LeadingTitles"/> reads.
    /// </summary>
    private static readonly HashSet<ulong> ProfessionsBeforeName = TokenText.FoldedSet(
    [
        "actor", "actress", "singer", "songwriter", "singer-songwriter", "rapper", "musician", "guitarist", "drummer", "bassist",
        "pianist", "violinist", "saxophonist", "trumpeter", "vocalist", "keyboardist", "cellist", "painter", "sculptor",
        "novelist", "poet", "playwright", "photographer", "comedian", "dancer", "filmmaker", "screenwriter", "composer",
        "historian", "philosopher", "economist", "mathematician", "physicist", "chemist", "biologist", "entomologist",
        "botanist", "pitcher", "quarterback", "linebacker", "striker", "midfielder", "goalkeeper", "boxer", "wrestler",
        "swimmer", "cyclist", "sprinter", "golfer", "skier", "surfer", "bodyboarder", "jockey", "polemicist",
        "evangelist", "cartoonist", "illustrator", "columnist", "lyricist",
        "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "nephew", "niece", "uncle", "aunt",
        "cousin", "grandson", "granddaughter", "grandfather", "grandmother", "stepson", "stepdaughter",
    ]);

    /// <summary>"talk station 3AW", "sister stations 3AW": a broadcaster, unlike a railway station.</summary>
    private static readonly HashSet<ulong> BroadcastWords = TokenText.FoldedSet(["radio", "talk", "television", "tv", "sister", "music", "news"]);

    private static bool IsStationWord(ReadOnlySpan<char> word) => word.SequenceEqual("station") || word.SequenceEqual("stations");

    /// <summary>
    /// "the town of Bridgton", "the band God Street Wine", "german metal band Van Canto": a kind noun right before a name,
    /// after a lower-case word ("the" for a place kind with "of"), names its kind.
    /// The name is the capitalized run that follows and must end there (not "the city of Solo Tuesday"-style runs into a
    /// longer name); <paramref name="i"/> is the "the".
    /// </summary>
    private static (int First, int End, string Kind)? KindBeforeName(string text, List<TextToken> tokens, int i, int last)
    {
        // "the town of X" after "the"; "the band X", "metal band X", "Irish band X" after any lower-case word.
        if (!char.IsLower(text[tokens[i].Start]) || !char.IsLower(text[tokens[i + 1].Start]))
        {
            return null;
        }
        var kindWord = tokens[i + 1].In(text);
        int first;
        string kind;
        // Cheap tests first: this runs at every token, and the word-set lookups hash the word.
        if (i + 3 < last && TokenText.Is(text, tokens[i + 2], "of") && TokenText.Is(text, tokens[i], "the") && TokenText.IsIn(kindWord, PlaceKindsBeforeOf))
        {
            (first, kind) = (i + 3, EntityCategories.Location);
        }
        else if (IsCapitalized(text, tokens[i + 2])
            && (TokenText.IsIn(kindWord, OrganizationKindsBeforeName) || (IsStationWord(kindWord) && TokenText.IsIn(tokens[i].In(text), BroadcastWords))))
        {
            (first, kind) = (i + 2, EntityCategories.Organization);
        }
        else if (IsCapitalized(text, tokens[i + 2]) && TokenText.IsIn(kindWord, PlaceKindsBeforeName))
        {
            (first, kind) = (i + 2, EntityCategories.Location);
        }
        else if (IsCapitalized(text, tokens[i + 2]) && TokenText.IsIn(kindWord, ProfessionsBeforeName))
        {
            (first, kind) = (i + 2, EntityCategories.Person);
        }
        else
        {
            return null;
        }
        // The run ends before a weekday or a month ("the town of Nablus Thursday") and before a compound such as
        // "Texas-based" ("the state of Texas-based company").
        var end = first;
        while (end < last && end - first < MaxNameTokens && IsCapitalized(text, tokens[end])
            && !TokenText.IsCalendarWord(tokens[end].In(text)) && !IsLowerCaseCompound(tokens[end].In(text)))
        {
            end++;
        }
        return end == first || end - first == MaxNameTokens || (end < last && IsLowerCaseCompound(tokens[end].In(text)))
            ? null
            : (first, end, kind);
    }

    /// <summary>"Texas-based", "U.S.-led": a name joined to a lower-case word is an adjective.</summary>
    private static bool IsLowerCaseCompound(ReadOnlySpan<char> word)
    {
        var hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1]);
    }

    /// <summary>
    /// "bands like New Order , Interpol or Joy Division", "states such as California , Utah , and Arizona": names given as
    /// examples of a plural kind noun (<paramref name="i"/>) are of that kind. Not after a coordinated kind ("bands and
    /// artists such as …" mixes two), and the list ends at the first thing that is not a name or a list separator.
    /// </summary>
    private static (string Kind, List<(int First, int End)> Names)? Examples(string text, List<TextToken> tokens, int i, int last)
    {
        var word = tokens[i].In(text);
        if (word.Length < 4 || word[^1] != 's' || !char.IsLower(word[0]) || i + 2 >= last)
        {
            return null;
        }
        var next = tokens[i + 1].In(text);
        var j = next.SequenceEqual("like") || next.SequenceEqual("including") ? i + 2
            : next.SequenceEqual("such") && TokenText.Is(text, tokens[i + 2], "as") ? i + 3
            : -1;
        if (j < 0 || j >= last || (i > 0 && (TokenText.Is(text, tokens[i - 1], "and") || TokenText.Is(text, tokens[i - 1], "or")))
            || KindOf(word.ToString(), null) is not { } kind)
        {
            return null;
        }
        var names = new List<(int First, int End)>();
        while (j < last)
        {
            if (TokenText.Is(text, tokens[j], "the") && j + 1 < last)
            {
                j++;
            }
            var end = j;
            while (end < last && end - j < MaxNameTokens
                && (IsCapitalized(text, tokens[end]) || (end > j && IsParticle(text, tokens[end]) && end + 1 < last && IsCapitalized(text, tokens[end + 1]))))
            {
                end++;
            }
            if (end == j || end - j == MaxNameTokens || TokenText.IsCalendarWord(tokens[j].In(text)))
            {
                break;
            }
            names.Add((j, end));
            // ", " / " and " / " or " / ", and " / " & " go on to the next name; anything else ends the list.
            var k = end;
            if (k < last && (TokenText.Is(text, tokens[k], ",") || TokenText.Is(text, tokens[k], "&")))
            {
                k++;
            }
            if (k < last && (TokenText.Is(text, tokens[k], "and") || TokenText.Is(text, tokens[k], "or")))
            {
                k++;
            }
            if (k == end)
            {
                break;
            }
            j = k;
        }
        return names.Count == 0 ? null : (kind, names);
    }

    private static readonly string[] OtherQuantifiers = ["several", "many", "some", "various", "numerous", "countless"];

    /// <summary>
    /// "Head Automatica , The Receiving End of Sirens , Cobra Starship , and several other bands", "Poetry London , The
    /// Australian , Antipodes and many other publications": names listed before "and other" + a plural kind noun
    /// (<paramref name="i"/> is "other") are of that kind. The list is read backwards from the "and" / "or" and ends at
    /// the first thing that is not a name or a separator.
    /// </summary>
    private static (string Kind, List<(int First, int End)> Names)? OtherExamples(
        string text, List<TextToken> tokens, int i, int first, int last, WordLexicon lexicon)
    {
        if (i + 1 >= last || !TokenText.Is(text, tokens[i], "other"))
        {
            return null;
        }
        var plural = tokens[i + 1].In(text);
        if (plural.Length < 4 || plural[^1] != 's' || !char.IsLower(plural[0]) || KindOf(plural.ToString(), null) is not { } kind)
        {
            return null;
        }
        var j = i - 1;
        if (j >= first && TokenText.IsOneOf(tokens[j].In(text), OtherQuantifiers))
        {
            j--;
        }
        if (j < first || !(TokenText.Is(text, tokens[j], "and") || TokenText.Is(text, tokens[j], "or")))
        {
            return null;
        }
        j--;
        if (j >= first && TokenText.Is(text, tokens[j], ","))
        {
            j--;
        }
        var names = new List<(int First, int End)>();
        while (j >= first)
        {
            var end = j + 1;
            if (TokenText.Is(text, tokens[j], ")"))
            {
                break; // "Poetry ( Chicago )": an aside is not a name of the list
            }
            var start = end;
            while (start > first && end - start < MaxNameTokens
                && (IsCapitalized(text, tokens[start - 1])
                    || (start < end && start - 2 >= first && IsParticle(text, tokens[start - 1]) && IsCapitalized(text, tokens[start - 2]))))
            {
                start--;
            }
            if (start == end || end - start == MaxNameTokens || TokenText.IsCalendarWord(tokens[start].In(text)))
            {
                break;
            }
            // A sentence's first word is capitalized anyway: part of the name only if usually capitalized ("However").
            if (start == first && !lexicon.IsUsuallyCapitalized(tokens[start].In(text)))
            {
                start++;
                if (start == end)
                {
                    break;
                }
            }
            names.Add((start, end));
            j = start - 1;
            if (j >= first && TokenText.Is(text, tokens[j], ","))
            {
                j--;
                continue;
            }
            break;
        }
        return names.Count < 2 ? null : (kind, names);
    }

    private static readonly string[] OwnershipVerbs = ["owned", "acquired", "purchased", "bought"];

    /// <summary>"is / was owned / acquired / purchased / bought by" at token <paramref name="i"/>: what precedes is a possession.</summary>
    private static bool IsOwnership(string text, List<TextToken> tokens, int i, int last) =>
        i + 2 < last
        && (TokenText.Is(text, tokens[i], "is") || TokenText.Is(text, tokens[i], "was"))
        && TokenText.IsOneOf(tokens[i + 1].In(text), OwnershipVerbs)
        && TokenText.Is(text, tokens[i + 2], "by");

    private static readonly HashSet<ulong> AliasOpeners = TokenText.FoldedSet(["also", "or", "formerly", "aka", "a.k.a."]);

    /// <summary>
    /// The names in [<paramref name="first"/>, <paramref name="end"/>) when it is nothing but names (capitalized words, with
    /// title connectors inside: "Thirty Seconds to Mars") separated by ",", "or" and "and"; otherwise null.
    /// </summary>
    private static List<(int First, int End)>? AliasList(string text, List<TextToken> tokens, int first, int end)
    {
        var names = new List<(int First, int End)>();
        var k = first;
        while (k < end)
        {
            var start = k;
            while (k < end && (IsCapitalized(text, tokens[k]) || (k > start && k + 1 < end && IsConnector(text, tokens[k]) && IsCapitalized(text, tokens[k + 1]))))
            {
                k++;
            }
            if (k == start || k - start > MaxNameTokens)
            {
                return null;
            }
            names.Add((start, k));
            if (k < end && (TokenText.Is(text, tokens[k], ",") || TokenText.Is(text, tokens[k], "or") || TokenText.Is(text, tokens[k], "and")))
            {
                k++;
            }
            else if (k < end)
            {
                return null;
            }
        }
        return names.Count == 0 ? null : names;
    }

    /// <summary>
    /// "6PR , known as 882 6PR ,", "Abu Ammar ( also known as Yasser Arafat )": the name after "known as" is another name of
    /// the thing before it, and takes its category, from the article's definition of it or else from the tagger's mention.
    /// </summary>
    private static void AddKnownAs(
        List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon,
        ref Dictionary<string, string>? defined)
    {
        foreach (var sentence in sentences)
        {
            var last = sentence.First + sentence.Count;
            for (var k = sentence.First + 2; k + 2 < last; k++)
            {
                if (!TokenText.Is(text, tokens[k], "known") || !TokenText.Is(text, tokens[k + 1], "as"))
                {
                    continue;
                }
                var before = TokenText.Is(text, tokens[k - 1], "also") ? k - 1 : k;
                if (before - 1 <= sentence.First || !(TokenText.Is(text, tokens[before - 1], ",") || TokenText.Is(text, tokens[before - 1], "(")))
                {
                    continue;
                }
                var nameEnd = before - 1;
                var nameStart = NameStart(text, tokens, nameEnd, sentence.First, lexicon, isSubject: false);
                var aliasStart = k + 2 < last && IsQuote(tokens[k + 2].In(text)) ? k + 3 : k + 2;
                var aliasEnd = aliasStart;
                while (aliasEnd < last && aliasEnd - aliasStart < MaxNameTokens
                    && (IsCapitalized(text, tokens[aliasEnd]) || (aliasEnd == aliasStart && char.IsDigit(text[tokens[aliasEnd].Start]))))
                {
                    aliasEnd++;
                }
                if (nameStart == nameEnd || aliasEnd == aliasStart || aliasEnd - aliasStart == MaxNameTokens || !IsCapitalized(text, tokens[aliasEnd - 1]))
                {
                    continue;
                }
                var name = text[tokens[nameStart].Start..tokens[nameEnd - 1].End];
                var category = defined is not null && defined.TryGetValue(name, out var kind) && kind is not (NotAName or Unknown)
                    ? kind
                    : CategoryOfMentionAt(mentions, tokens[nameStart].Start, name.Length);
                if (category is EntityCategories.Person or EntityCategories.Location or EntityCategories.Organization)
                {
                    defined ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    defined.TryAdd(text[tokens[aliasStart].Start..tokens[aliasEnd - 1].End], category);
                }
            }
        }
    }

    /// <summary>
    /// The category of the mention with exactly this span, if any. A plain loop: a lambda here would capture the loop's
    /// locals, and the compiler would allocate its closure for every token of the article, not only where one is needed.
    /// </summary>
    private static string? CategoryOfMentionAt(List<EntityMention> mentions, int offset, int length)
    {
        foreach (var mention in mentions)
        {
            if (mention.Offset == offset && mention.Length == length)
            {
                return mention.Category;
            }
        }
        return null;
    }

    private static bool IsQuote(ReadOnlySpan<char> word) => word.SequenceEqual("\"") || word.SequenceEqual("\u201C");

    /// <summary>
    /// An article about a person calls them by their given name too ("Dorothea von Schlegel … was a German novelist" …
    /// "Dorothea converted"). A given name on its own is often a place elsewhere ("Georgia", "Victoria"), so this is only
    /// done for a person the article defines, never for every person the tagger found, and only when the tagger also read
    /// the defined run as one name (in "Ohio Representative Bob Ney is the second lawmaker" it did not, and "Ohio" is no
    /// given name).
    /// </summary>
    private static void AddGivenNames(Dictionary<string, string> defined, List<EntityMention> mentions)
    {
        foreach (var (name, kind) in defined.ToList())
        {
            var space = name.IndexOf(' ');
            if (kind == EntityCategories.Person && space > 1 && char.IsUpper(name[0]) && !name.AsSpan(0, space).Contains('.')
                && mentions.Any(m => m.Text.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                defined.TryAdd(name[..space], EntityCategories.Person);
            }
        }
    }
}

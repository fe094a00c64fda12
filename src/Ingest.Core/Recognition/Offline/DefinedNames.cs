using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Articles say what a name is the first time they use it: "Aisby is a village in Lincolnshire", "Bilka is a Danish
/// supermarket chain", "Fairfax Media, an Australian media company", "Dorothea von Schlegel (…) was a German novelist".
/// The tagger decides sentence by sentence from the name's letters and neighbours, so a village it has never seen can come
/// out a Person in every sentence of its own article. Within one article, this pass reads such definitions (the name, then
/// "is / was / are / were a / an / the" or ", a / an", then a noun phrase) and takes the noun phrase's head word as the
/// name's kind: a place, an organization, a person, an event, or something that is none of them (a language, a people,
/// a car), whose mentions are then dropped. A kind noun right before the name says the same ("the town of Bridgton",
/// "the band Gigi"), and so does a plural kind noun the name is an example of ("bands like New Order , Interpol or Joy
/// Division"), and "X is owned / was bought by …", which makes X an organization unless the tagger saw a place in it. Every mention of the name takes that category, untagged occurrences standing on their own become
/// mentions, and mentions the tagger found inside the name ("Mars" in "30 Seconds to Mars") give way to it.
/// <para>
/// Only head words whose kind is plain are used (<see cref="KindOf"/>): "member", "group of" or "area" say nothing.
/// The first definition of a name wins; the lead sentence is usually about the article's subject.
/// </para>
/// </summary>
internal static partial class DefinedNames
{
    private static readonly Dictionary<string, string> Kinds = BuildKinds();

    /// <summary>Stands for "this name is not a Person, Location or Organization": its mentions are dropped.</summary>
    private const string NotAName = "";

    /// <summary>"X is owned by …": an organization unless the article's mentions of X say it is a place (resolved in Apply).</summary>
    private const string Possession = "possession";

    /// <summary>A definition that turned out to say nothing: the name keeps the tagger's reading.</summary>
    private const string Unknown = "unknown";

    private const int MaxNameTokens = 6;

    private const int MaxNounPhraseTokens = 8;

    private const int MaxParenthesisTokens = 24;

    private const double AddedConfidence = 0.8;

    /// <summary>Words that end a definition's noun phrase: what follows them qualifies the head.</summary>
    private static readonly HashSet<ulong> PhraseEnds = TokenText.FoldedSet(
    [
        "in", "of", "on", "at", "for", "from", "with", "which", "that", "who", "whose", "where", "located", "based",
        "founded", "by", "and", "or", "near", "owned", "to", "formed", "known", "operated", "run", "established",
        "playing", "currently", "than", "since", "between", "within", "during",
    ]);

    private static readonly string[] Auxiliaries = ["is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could"];

    /// <summary>Nouns that, followed by "of", count or group what comes after them.</summary>
    private static readonly string[] Collectives =
        ["chain", "group", "series", "network", "collection", "cluster", "string", "pair", "set", "number", "range", "family"];

    /// <summary>What a chain of them is a company: "a chain of hypermarkets", "a chain of coffee shops".</summary>
    private static bool IsShop(string plural) => TokenText.IsOneOf(plural,
        ["stores", "shops", "supermarkets", "hypermarkets", "restaurants", "hotels", "cafes", "outlets", "pharmacies", "cinemas", "bakeries"]);

    private static bool IsDeterminerOrGerund(ReadOnlySpan<char> word) =>
        word.SequenceEqual("the") || word.SequenceEqual("a") || word.SequenceEqual("an") || (word.Length > 5 && word.EndsWith("ing"));

    /// <summary>Words that may open a sentence before a name without being part of it.</summary>
    private static readonly string[] OpeningDeterminers = ["The", "A", "An", "This", "That", "These", "Those"];

    /// <summary>Lower-case words that may sit inside a name ("Dorothea von Schlegel", "Bank of Ghana").</summary>
    private static readonly string[] Particles = ["of", "de", "del", "der", "van", "von", "da", "du", "la", "le", "di", "bin", "al"];

    private static Dictionary<string, string> BuildKinds()
    {
        var kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string category, string words)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                kinds[word] = category;
            }
        }
        Add(EntityCategories.Location,
            "village town city municipality commune suburb district province county state region parish hamlet borough " +
            "neighbourhood neighborhood river island lake mountain peninsula valley capital country republic kingdom cave " +
            "dock park port harbour harbor bay desert forest canal street road square airport halt station settlement " +
            "township locality archipelago reservoir creek brook stream hill ridge peak glacier beach coast cape wetland " +
            "marsh swamp plateau basin stadium arena racetrack cemetery facility venue building prison penitentiary gym gymnasium");
        // A shopping mall is a business, as wikigold labels it (GMB has no definition of one); Azure AI Language may
        // call it a structural Location, which is still closer than the Person the tagger often reads in its name.
        Add(EntityCategories.Organization,
            "company corporation firm manufacturer retailer chain consultancy network broadcaster newspaper magazine " +
            "publisher label band team club party alliance organization organisation association society union league " +
            "agency council committee school university college academy institute charity foundation bank airline " +
            "regiment partnership ministry department brewery studio conglomerate cooperative co-operative " +
            "subsidiary franchise orchestra choir duo trio quartet quintet brand automaker carmaker insurer distributor " +
            "journal tabloid mall");
        Add(EntityCategories.Person,
            "politician composer actor actress player footballer cricketer singer songwriter singer-songwriter rapper " +
            "musician guitarist drummer bassist pianist violinist artist painter sculptor writer novelist author poet " +
            "playwright journalist lecturer professor mathematician scientist physicist chemist biologist historian " +
            "philosopher economist lawyer athlete coach director businessman businesswoman entrepreneur " +
            "activist soldier officer colonel captain priest bishop explorer architect engineer inventor designer " +
            "luthier photographer comedian dancer spokesman spokeswoman senator founder executive chairman linebacker " +
            "quarterback goalkeeper striker defender midfielder boxer wrestler swimmer cyclist sprinter jockey nun monk " +
            "pitcher catcher outfielder infielder lineman golfer skier surfer bodyboarder racer patient entomologist " +
            "botanist zoologist geologist astronomer linguist theologian psychologist sociologist anthropologist " +
            "diplomat statesman admiral astronaut saxophonist trumpeter vocalist keyboardist cellist organist lyricist " +
            "screenwriter filmmaker cartoonist illustrator columnist translator missionary rabbi imam schoolboy schoolgirl " +
            "councillor councilman legislator lawmaker congressman physician surgeon educator teacher");
        Add(EntityCategories.Event,
            "festival convention tournament championship holiday anniversary battle war election conference summit");
        // Works (albums, films, episodes) are left out: they are so often named after a person or a place that the
        // article also mentions ("Stan" the episode and Stan the character).
        Add(NotAName,
            "language dialect people tribe minority religion index car aircraft software genre dish disease species " +
            "genus moth beetle plant game videogame anthem hymn");
        return kinds;
    }

    /// <summary>The category a definition's head word gives (<see cref="NotAName"/> for none of P/L/O/Event), if plain.</summary>
    private static string? KindOf(string head, string? before)
    {
        if (head.Equals("district", StringComparison.OrdinalIgnoreCase) && before is not null && before.Equals("school", StringComparison.OrdinalIgnoreCase))
        {
            return EntityCategories.Organization;
        }
        if (head.Equals("station", StringComparison.OrdinalIgnoreCase) && before is not null
            && (before.Equals("radio", StringComparison.OrdinalIgnoreCase) || before.Equals("television", StringComparison.OrdinalIgnoreCase)
                || before.Equals("tv", StringComparison.OrdinalIgnoreCase)))
        {
            return EntityCategories.Organization;
        }
        if (Kinds.TryGetValue(head, out var kind))
        {
            return kind;
        }
        // A plural head ("one of the largest companies").
        if (head.EndsWith("ies", StringComparison.Ordinal) && Kinds.TryGetValue(head[..^3] + "y", out kind))
        {
            return kind;
        }
        return head.EndsWith('s') && Kinds.TryGetValue(head[..^1], out kind) ? kind : null;
    }

    /// <summary>Returns the mentions (text order) with each defined name typed as its definition says.</summary>
    public static List<EntityMention> Apply(
        List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon)
    {
        var defined = Definitions(text, tokens, sentences, lexicon);
        if (defined is not null)
        {
            // Something owned is a company, a station, a team or a brand, unless the tagger saw a place in it: buildings and
            // islands are owned too.
            foreach (var name in defined.Where(d => d.Value == Possession).Select(d => d.Key).ToList())
            {
                defined[name] = mentions.Any(m => m.Category == EntityCategories.Location && m.Text.Equals(name, StringComparison.OrdinalIgnoreCase))
                    ? Unknown
                    : EntityCategories.Organization;
            }
        }
        AddKnownAs(mentions, text, tokens, sentences, lexicon, ref defined);
        if (defined is not null)
        {
            AddGivenNames(defined, mentions);
        }
        if (defined is null)
        {
            return mentions;
        }
        var result = new List<EntityMention>(mentions.Count + 4);
        foreach (var mention in mentions)
        {
            if (!defined.TryGetValue(mention.Text, out var category) || category == Unknown)
            {
                result.Add(mention);
            }
            else if (category != NotAName)
            {
                result.Add(mention.Category == category ? mention : mention with { Category = category });
            }
        }
        var added = AddUntagged(result, text, tokens, sentences, lexicon, defined);
        if (added)
        {
            result.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }
        return result;
    }

    /// <summary>Name (case-insensitive) → the category its first plain definition gives; null when the article defines none.</summary>
    private static Dictionary<string, string>? Definitions(
        string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon)
    {
        Dictionary<string, string>? defined = null;
        foreach (var sentence in sentences)
        {
            var last = sentence.First + sentence.Count;
            for (var i = sentence.First; i < last - 2; i++)
            {
                if (KindBeforeName(text, tokens, i, last) is { } named)
                {
                    defined ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    defined.TryAdd(text[tokens[named.First].Start..tokens[named.End - 1].End], named.Kind);
                }
                if (OtherExamples(text, tokens, i, sentence.First, last, lexicon) is { } others)
                {
                    defined ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (first, end) in others.Names)
                    {
                        defined.TryAdd(text[tokens[first].Start..tokens[end - 1].End], others.Kind);
                    }
                }
                if (Examples(text, tokens, i, last) is { } examples)
                {
                    defined ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (first, end) in examples.Names)
                    {
                        defined.TryAdd(text[tokens[first].Start..tokens[end - 1].End], examples.Kind);
                    }
                }
                if (i == sentence.First)
                {
                    continue;
                }
                if (IsOwnership(text, tokens, i, last))
                {
                    var ownedEnd = SkipParenthesesBackwards(text, tokens, i, sentence.First, out _);
                    var ownedStart = NameStart(text, tokens, ownedEnd, sentence.First, lexicon, isSubject: true);
                    if (ownedStart < ownedEnd && (ownedStart == sentence.First || !IsPreposition(tokens[ownedStart - 1].In(text)))
                        && (ownedStart == sentence.First || !IsCommaOrPossessive(tokens[ownedStart - 1].In(text))))
                    {
                        defined ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        defined.TryAdd(text[tokens[ownedStart].Start..tokens[ownedEnd - 1].End], Possession);
                    }
                    continue;
                }
                // i is the token after the name (and any parentheses): "is" / "was" / "are" / "were" + determiner, or ", a".
                var phrase = NounPhraseStart(text, tokens, i, last);
                if (phrase < 0)
                {
                    continue;
                }
                var nameEnd = SkipParenthesesBackwards(text, tokens, i, sentence.First, out var aliases);
                var nameStart = NameStart(text, tokens, nameEnd, sentence.First, lexicon, isSubject: !tokens[i].In(text).SequenceEqual(","));
                var afterPreposition = nameStart > sentence.First && IsPreposition(tokens[nameStart - 1].In(text));
                if (nameStart == nameEnd || (nameStart > sentence.First && IsCommaOrPossessive(tokens[nameStart - 1].In(text)))
                    || (afterPreposition && !tokens[i].In(text).SequenceEqual(",")))
                {
                    continue;
                }
                var (head, before) = Head(text, tokens, phrase, last);
                if (head is null || KindOf(head, before) is not { } kind
                    || (afterPreposition && kind != EntityCategories.Location && kind != EntityCategories.Organization))
                {
                    continue;
                }
                if (kind == EntityCategories.Person)
                {
                    // "Mr. Anwar is the second journalist killed …" defines "Anwar": titles are not part of a person's name.
                    while (nameStart + 1 < nameEnd && (PersonTitles.IsTitle(tokens[nameStart].In(text)) || tokens[nameStart].In(text).SequenceEqual(".")))
                    {
                        nameStart++;
                    }
                }
                defined ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                defined.TryAdd(text[tokens[nameStart].Start..tokens[nameEnd - 1].End], kind);
                foreach (var (first, end) in aliases ?? [])
                {
                    defined.TryAdd(text[tokens[first].Start..tokens[end - 1].End], kind);
                }
            }
        }
        return defined;
    }

    /// <summary>The first token of the noun phrase when token <paramref name="i"/> opens a definition; otherwise −1.</summary>
    private static int NounPhraseStart(string text, List<TextToken> tokens, int i, int last)
    {
        var word = tokens[i].In(text);
        var next = tokens[i + 1].In(text);
        if (word.SequenceEqual(","))
        {
            return next.SequenceEqual("a") || next.SequenceEqual("an") ? i + 2 : -1;
        }
        if (!(word.SequenceEqual("is") || word.SequenceEqual("was") || word.SequenceEqual("are") || word.SequenceEqual("were")))
        {
            return -1;
        }
        if (next.SequenceEqual("a") || next.SequenceEqual("an") || next.SequenceEqual("the"))
        {
            return i + 2;
        }
        // "is one of the largest …"
        return i + 3 < last && next.SequenceEqual("one") && tokens[i + 2].In(text).SequenceEqual("of") && tokens[i + 3].In(text).SequenceEqual("the")
            ? i + 4
            : -1;
    }

    /// <summary>
    /// The end of the name before <paramref name="end"/>, past up to two parenthesized asides ("(née Brendel)"). An aside
    /// that is one capitalized word is the name's abbreviation ("( CALOI )"); one that starts with "also", "or",
    /// "formerly" or "aka" lists other names of the same thing ("Bank Hey ( also Sunnybower or Sunny Bower ) is a
    /// suburb"). Both are returned in <paramref name="aliases"/> as token ranges.
    /// </summary>
    private static int SkipParenthesesBackwards(string text, List<TextToken> tokens, int end, int sentenceFirst, out List<(int First, int End)>? aliases)
    {
        aliases = null;
        for (var asides = 0; asides < 2 && end > sentenceFirst && tokens[end - 1].In(text).SequenceEqual(")"); asides++)
        {
            var open = end - 2;
            while (open >= sentenceFirst && end - open <= MaxParenthesisTokens && !tokens[open].In(text).SequenceEqual("("))
            {
                open--;
            }
            if (open < sentenceFirst || !tokens[open].In(text).SequenceEqual("("))
            {
                return end;
            }
            if (end - open == 3 && IsCapitalized(text, tokens[open + 1]))
            {
                (aliases ??= []).Add((open + 1, open + 2));
            }
            else if (TokenText.IsIn(tokens[open + 1].In(text), AliasOpeners) && AliasList(text, tokens, open + 2, end - 1) is { } listed)
            {
                (aliases ??= []).AddRange(listed);
            }
            end = open;
        }
        return end;
    }

    /// <summary>
    /// The first token of the capitalized run that ends at <paramref name="end"/>. A sentence's first word belongs to it only
    /// if the lexicon knows it as usually capitalized ("The", "However", "It" are not), so pronouns never define anything.
    /// The subject of "is a" may be a title with lower-case words in it when it starts the sentence; a name before an
    /// appositive comma may not ("Investors in Fairfax Media , an Australian media company").
    /// </summary>
    private static int NameStart(string text, List<TextToken> tokens, int end, int sentenceFirst, WordLexicon lexicon, bool isSubject)
    {
        if (end <= sentenceFirst || !IsCapitalized(text, tokens[end - 1]))
        {
            return end;
        }
        var start = end - 1;
        while (start > sentenceFirst && end - start < MaxNameTokens
            && (IsCapitalized(text, tokens[start - 1]) || (IsParticle(text, tokens[start - 1]) && start - 1 > sentenceFirst && IsCapitalized(text, tokens[start - 2]))))
        {
            start--;
        }
        if (start > sentenceFirst && IsCapitalized(text, tokens[start - 1]))
        {
            return end; // longer than a name is taken to be: its start is not known
        }
        if (isSubject && start > sentenceFirst && IsConnector(text, tokens[start - 1]) && TitleFromSentenceStart(text, tokens, start - 1, end, sentenceFirst, lexicon))
        {
            return sentenceFirst; // "30 Seconds to Mars ( … ) is an alternative rock band"
        }
        if (start == sentenceFirst && !lexicon.IsUsuallyCapitalized(tokens[start].In(text)))
        {
            // "The Ayalon Cave is …" defines "Ayalon Cave"; "Reporters Without Borders is …" must not define "Without Borders",
            // but does define the whole run if the article also writes it in the middle of a sentence, where its first
            // word is capitalized because it is part of the name ("Distance Records is a … label").
            if (!TokenText.IsOneOf(tokens[start].In(text), OpeningDeterminers))
            {
                return RecursMidSentence(text, tokens[start].Start, tokens[end - 1].End) ? start : end;
            }
            start++;
        }
        while (start < end && IsParticle(text, tokens[start]))
        {
            start++;
        }
        return start;
    }

    /// <summary>
    /// Whether the words from the sentence's start to the connector at <paramref name="connector"/> make the first part of a
    /// title-like name that is the sentence's subject: capitalized words, single connectors between them, and maybe a number
    /// first ("30 Seconds to Mars", "Return to Oz", "Fight for Freedom"). Only a name that starts the sentence is read this
    /// way; elsewhere the connector is taken as what it usually is, a preposition before the name.
    /// </summary>
    private static bool TitleFromSentenceStart(string text, List<TextToken> tokens, int connector, int end, int sentenceFirst, WordLexicon lexicon)
    {
        for (var k = connector; k >= sentenceFirst && end - k <= MaxNameTokens; k--)
        {
            var token = tokens[k];
            if (IsConnector(text, token) && k != connector && IsConnector(text, tokens[k + 1]))
            {
                return false;
            }
            if (IsConnector(text, token))
            {
                if (k == sentenceFirst)
                {
                    return false;
                }
                continue;
            }
            var number = char.IsDigit(text[token.Start]) && !HasUpper(token.In(text));
            if (k == sentenceFirst)
            {
                return number || (IsCapitalized(text, token) && lexicon.IsUsuallyCapitalized(token.In(text)));
            }
            if (!IsCapitalized(text, token))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Whether the text [<paramref name="start"/>, <paramref name="stop"/>) also occurs after a word or a comma.</summary>
    private static bool RecursMidSentence(string text, int start, int stop)
    {
        var name = text[start..stop];
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (at == start)
            {
                continue;
            }
            var before = at - 1;
            while (before >= 0 && text[before] == ' ')
            {
                before--;
            }
            var after = at + name.Length;
            if (before >= 0 && (char.IsLetterOrDigit(text[before]) || text[before] == ',') && (after == text.Length || !char.IsLetterOrDigit(text[after])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Lower-case words that join the words of a title ("30 Seconds to Mars", "Fight for Freedom"). Not "and": "Texas and
    /// Ohio are the two key states" names two places.
    /// </summary>
    private static readonly string[] Connectors = ["to", "the", "for", "in", "on", "at", "with", "from", "by", "a", "of"];

    private static bool IsConnector(string text, TextToken token) => TokenText.IsOneOf(token.In(text), Connectors);

    /// <summary>The noun phrase's head: its last word before a preposition, a relative word or punctuation.</summary>
    private static (string? Head, string? Before) Head(string text, List<TextToken> tokens, int phrase, int last)
    {
        var head = -1;
        for (var k = phrase; k < last && k - phrase < MaxNounPhraseTokens; k++)
        {
            var word = tokens[k].In(text);
            // A verb form or a second determiner starts something else: "a Democratic Party lawmaker representing the
            // state of Illinois" has no head this pass can read.
            if (word.SequenceEqual("/") && head >= 0)
            {
                continue; // "an English punk rock / garage rock band"
            }
            if (!char.IsLetter(word[0]) || TokenText.IsIn(word, PhraseEnds) || (k > phrase && IsDeterminerOrGerund(word)))
            {
                break;
            }
            if (head >= 0 && TokenText.IsOneOf(word, Auxiliaries))
            {
                break; // "Piedade , a small village is spread at …": the clause's verb follows the head
            }
            if (head >= 0 && word.EndsWith("ed", StringComparison.Ordinal) && KindOf(tokens[head].In(text).ToString(), null) is not null)
            {
                break; // "video games created by …", "a village situated in …": a participle after the head qualifies it
            }
            if (k + 1 < last && TokenText.IsPossessive(tokens[k + 1].In(text)))
            {
                return (null, null); // "the team 's star": the phrase goes on past the possessive
            }
            head = k;
        }
        // "a chain of islands", "a chain of hypermarkets", "a group of villages", "a series of video games": the kind is in
        // what follows "of", when it is a place, a company or none of the three.
        if (head >= 0 && head + 2 < last && TokenText.Is(text, tokens[head + 1], "of") && TokenText.IsOneOf(tokens[head].In(text), Collectives))
        {
            var (member, _) = Head(text, tokens, head + 2, last);
            return member is null ? (null, null)
                : tokens[head].In(text).SequenceEqual("chain") && IsShop(member) ? ("company", null)
                : KindOf(member, null) is EntityCategories.Location or NotAName ? (member, null)
                : (null, null);
        }
        // The head is a common noun; a capitalized last word ("a member of the Beatles" stops earlier) is a name.
        if (head < 0 || !char.IsLower(text[tokens[head].Start]))
        {
            return (null, null);
        }
        var before = head > phrase ? tokens[head - 1].In(text).ToString() : null;
        return (tokens[head].In(text).ToString(), before);
    }

    /// <summary>Adds a mention for each untagged occurrence of a defined name that stands on its own.</summary>
    private static bool AddUntagged(
        List<EntityMention> result, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon,
        Dictionary<string, string> defined)
    {
        var names = defined
            .Where(d => d.Value != NotAName && d.Value != Unknown)
            .Select(d => (Tokens: TextTokenizer.Tokenize(d.Key).Select(t => d.Key.Substring(t.Start, t.Length)).ToArray(), Category: d.Value))
            .Where(n => n.Tokens.Length > 0)
            .ToList();
        if (names.Count == 0)
        {
            return false;
        }
        var covered = result.Select(m => (m.Offset, End: m.Offset + m.Length)).ToList();
        var added = false;
        foreach (var sentence in sentences)
        {
            var last = sentence.First + sentence.Count;
            for (var i = sentence.First; i < last; i++)
            {
                if (!IsCapitalized(text, tokens[i]) && !char.IsDigit(text[tokens[i].Start]))
                {
                    continue;
                }
                foreach (var (nameTokens, category) in names)
                {
                    var end = i + nameTokens.Length;
                    if (end > last || !Matches(text, tokens, i, nameTokens))
                    {
                        continue;
                    }
                    // Standing on its own: not part of a longer capitalized run ("Perth" in "Perth Glory").
                    // A sentence's opening "The" is not part of the run ("The 6PR studio remained …").
                    var openingDeterminer = i - 1 == sentence.First && TokenText.IsOneOf(tokens[i - 1].In(text), OpeningDeterminers);
                    if ((i > sentence.First && IsCapitalized(text, tokens[i - 1]) && !openingDeterminer) || (end < last && IsCapitalized(text, tokens[end])))
                    {
                        continue;
                    }
                    if (i == sentence.First && nameTokens.Length == 1 && !lexicon.IsUsuallyCapitalized(tokens[i].In(text)))
                    {
                        continue;
                    }
                    var start = tokens[i].Start;
                    var stop = tokens[end - 1].End;
                    if (covered.Any(c => c.Offset < stop && start < c.End && (c.Offset < start || c.End > stop)))
                    {
                        continue; // a mention reaching outside the name: the tagger read a longer name here
                    }
                    // A person the tagger found at the end of a defined person's run, after something it did not read as
                    // that person, is the better span: the run took in a place and a title ("Ohio Representative Bob Ney is
                    // the second lawmaker").
                    if (category == EntityCategories.Person
                        && result.Any(m => m.Category == EntityCategories.Person && m.Offset > start && m.Offset + m.Length == stop)
                        && result.Any(m => m.Category != EntityCategories.Person && m.Offset >= start && m.Offset + m.Length < stop))
                    {
                        continue;
                    }
                    // Mentions inside the defined name are the tagger's reading of its parts ("Mars" in "30 Seconds to Mars",
                    // "Perth" in "Perth Glory"): the whole name replaces them.
                    if (result.RemoveAll(m => m.Offset >= start && m.Offset + m.Length <= stop && m.Length < stop - start) > 0)
                    {
                        covered.RemoveAll(c => c.Offset >= start && c.End <= stop);
                    }
                    else if (covered.Any(c => c.Offset == start && c.End == stop))
                    {
                        continue;
                    }
                    result.Add(new EntityMention
                    {
                        Text = text[start..stop], Category = category, Offset = start, Length = stop - start, Confidence = AddedConfidence,
                    });
                    covered.Add((start, stop));
                    added = true;
                    i = end - 1;
                    break;
                }
            }
        }
        return added;
    }

    private static bool Matches(string text, List<TextToken> tokens, int first, string[] nameTokens)
    {
        for (var k = 0; k < nameTokens.Length; k++)
        {
            if (!tokens[first + k].In(text).Equals(nameTokens[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsCapitalized(string text, TextToken token) => char.IsUpper(text[token.Start]) || (char.IsDigit(text[token.Start]) && HasUpper(token.In(text)));

    private static bool HasUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// After a comma or a possessive a capitalized run is part of something longer ("Danvers , Massachusetts is an
    /// American rapper", "Angelo 's Father is").
    /// </summary>
    private static bool IsCommaOrPossessive(ReadOnlySpan<char> previous) => previous.SequenceEqual(",") || TokenText.IsPossessive(previous);

    /// <summary>
    /// After a preposition a run is not the subject of "is a …" ("30 Seconds to Mars is a band"), and what follows its
    /// comma may be the sentence's own subject ("In Baghdad , a roadside bomb killed …", "in Beijing , a Foreign Ministry
    /// spokesman said"): there only a place or an organization is taken ("owned by Fairfax Media , an Australian media company").
    /// </summary>
    private static bool IsPreposition(ReadOnlySpan<char> previous) => TokenText.IsIn(previous, Prepositions);

    private static readonly HashSet<ulong> Prepositions = TokenText.FoldedSet(
    [
        "in", "at", "on", "from", "to", "near", "by", "of", "for", "with", "into", "onto", "over", "under", "via", "--",
        "---", "-", "&",
    ]);

    private static bool IsParticle(string text, TextToken token) => TokenText.IsOneOf(token.In(text), Particles);
}

using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Some names are built on a place or a person and are neither ("Battle of Gettysburg", "Bangladesh Liberation War",
/// "Glastonbury Festival", "Outland Trophy", "Hockey Hall of Fame"). The tagger has seen few of them, and GMB even labels
/// "Hall" a person and "Fame" a place, so it reports the place or the person inside. Azure AI Language reports the whole
/// name: an Event, and the hall of fame an Organization. This pass does the same for the shapes whose head word settles
/// it: "Battle / Battles / Siege / Campaign of" + a name, a capitalized name ending in one of <see cref="FinalHeads"/>, and a
/// capitalized name + "Hall of Fame". A mention inside or across the phrase gives way to it.
/// <para>
/// Heads that GMB labels as organizations or places as often as events ("Olympics", "Revolution", "Championships")
/// are left to the tagger: with them and "Awards" GMB test lost 0.06 F1 points for 0.15 gained on wikigold. "Awards"
/// alone costs GMB nothing: an awards ceremony ("the MTV Video Music Awards") is an Event. "Cup"
/// alone costs GMB two of its own slips ("Davis Cup" a person, "World Cup" an organization) and is kept: a cup is a
/// trophy or its tournament, which Azure AI Language reports as an Event.
/// A bowl is a game ("the GMAC Bowl"), an Event; a record chart ("the French Singles Chart") is a list, none of the
/// categories, and the mentions inside it are dropped.
/// "Campaign" counts only before "of" ("the Campaign of Alto Peru"): "Campaign for Nuclear Disarmament" is an
/// organization.
/// </para>
/// <para>
/// Institutions are named the same way ("Crescent City High School", "Atlantic City Hospital", "University of London"),
/// and both GMB and wikigold label them organizations, while the tagger often reports the town or the person inside.
/// Heads that GMB labels otherwise as often ("Club" is a place in "Paris Club", "Airport" mostly a place) are left out.
/// </para>
/// </summary>
internal static class HeadWordPhrases
{
    /// <summary>Head words that end an event's name.</summary>
    private static readonly string[] FinalHeads = ["War", "Festival", "Trophy", "Prix", "Massacre", "Uprising", "Rebellion", "Cup", "Bowl", "Awards"];

    /// <summary>Head words that end a name that is no entity of ours: a record chart is a list, not its publisher.</summary>
    private static readonly string[] NoEntityHeads = ["Chart", "Charts"];

    /// <summary>Head words that end an institution's name: the body that runs it, as GMB and wikigold label them.</summary>
    private static readonly string[] InstitutionHeads = ["Hotel", "Hospital", "School", "College", "University", "Lottery", "Orchestra",
        "Institute", "Academy", "Association", "Society", "Company", "Records"];

    /// <summary>Head words that start one, followed by "of".</summary>
    private static readonly string[] InitialHeads = ["Battle", "Battles", "Siege", "Campaign"];

    /// <summary>What may follow a final head and still belong to the name ("World War II").</summary>
    private static readonly string[] Numerals = ["I", "II", "III", "IV", "One", "Two"];

    /// <summary>What may come before "Battle" and still belong to the name ("Second Battle of Bull Run").</summary>
    private static readonly string[] Ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "1st", "2nd", "3rd", "4th", "5th"];

    /// <summary>Capitalized words taken on the name side of a head; longer runs are left as the tagger found them.</summary>
    private const int MaxNameWords = 4;

    private const double RuleConfidence = 0.9;

    /// <summary>"Hall of Famer": a person described, not named.</summary>
    private static readonly string[] Famers = ["Famer", "Famers"];

    /// <summary>A phrase that is no entity at all: the mentions inside it are dropped.</summary>
    private const string NoEntity = "";

    private readonly record struct Phrase(int First, int End, string Category);

    /// <summary>Returns the mentions (text order) with each phrase as one mention of its category.</summary>
    public static List<EntityMention> Apply(
        List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon)
    {
        List<EntityMention>? phrases = null;
        foreach (var sentence in sentences)
        {
            var last = sentence.First + sentence.Count;
            for (var i = sentence.First; i < last; i++)
            {
                var token = tokens[i];
                if (token.Length < 3 || !char.IsUpper(text[token.Start]))
                {
                    continue;
                }
                if (Find(mentions, text, tokens, i, sentence.First, last, lexicon) is not { } phrase)
                {
                    continue;
                }
                var start = tokens[phrase.First].Start;
                var stop = tokens[phrase.End - 1].End;
                (phrases ??= []).Add(new EntityMention
                {
                    Text = text[start..stop], Category = phrase.Category, Offset = start, Length = stop - start,
                    Confidence = RuleConfidence,
                });
                i = phrase.End - 1;
            }
        }
        if (phrases is null)
        {
            return mentions;
        }
        var result = new List<EntityMention>(mentions.Count + phrases.Count);
        result.AddRange(mentions.Where(m => !phrases.Any(p => m.Offset < p.Offset + p.Length && p.Offset < m.Offset + m.Length)));
        result.AddRange(phrases.Where(p => p.Category != NoEntity));
        result.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return result;
    }

    /// <summary>The phrase whose head word is token <paramref name="head"/>, if there is one.</summary>
    private static Phrase? Find(
        List<EntityMention> mentions, string text, List<TextToken> tokens, int head, int sentenceFirst, int last, WordLexicon lexicon)
    {
        var word = tokens[head].In(text);
        if (TokenText.IsOneOf(word, InitialHeads))
        {
            return AfterInitialHead(text, tokens, head, sentenceFirst, last);
        }
        if (TokenText.IsOneOf(word, InstitutionHeads))
        {
            return Institution(mentions, text, tokens, head, sentenceFirst, last, lexicon);
        }
        var hallOf = word.SequenceEqual("Hall") && head + 2 < last && TokenText.Is(text, tokens[head + 1], "of");
        if (hallOf && TokenText.IsOneOf(tokens[head + 2].In(text), Famers))
        {
            return new Phrase(head, head + 3, NoEntity); // "future Hall of Famer Bill McKechnie": the Hall is no person
        }
        var hallOfFame = hallOf && TokenText.Is(text, tokens[head + 2], "Fame");
        var noEntity = !hallOfFame && TokenText.IsOneOf(word, NoEntityHeads);
        if (!hallOfFame && !noEntity && !TokenText.IsOneOf(word, FinalHeads))
        {
            return null;
        }

        var first = NameSideStart(text, tokens, head, sentenceFirst, lexicon);
        if (first == head)
        {
            return null; // "the War" alone names nothing in particular
        }
        var end = hallOfFame ? head + 3 : head + 1;
        if (!hallOfFame && end < last && TokenText.IsOneOf(tokens[end].In(text), Numerals))
        {
            end++;
        }
        // "United Nations War Crimes Tribunal": the head word is inside a longer name, which is the tagger's call.
        if (end < last && IsNameWord(text, tokens[end]))
        {
            return null;
        }
        return new Phrase(first, end, hallOfFame ? EntityCategories.Organization : noEntity ? NoEntity : EntityCategories.Event);
    }

    /// <summary>
    /// "Crescent City High School", "the Connecticut Lottery", "Watson School of Biological Sciences": the name of an
    /// institution is an Organization, however the tagger read the town or the person it is named after. Where the tagger
    /// has a mention that ends at the head its start is kept ("Fairmont State Community and Technical College"); one that
    /// runs past the head is a longer name and is left alone ("Integra-A Hotel &amp; Restaurant Co.").
    /// </summary>
    private static Phrase? Institution(
        List<EntityMention> mentions, string text, List<TextToken> tokens, int head, int sentenceFirst, int last, WordLexicon lexicon)
    {
        var end = head + 1;
        if (end + 1 < last && TokenText.Is(text, tokens[end], "of"))
        {
            var name = TokenText.Is(text, tokens[end + 1], "the") ? end + 2 : end + 1;
            var nameEnd = name;
            while (nameEnd < last && nameEnd - name < MaxNameWords && IsNameWord(text, tokens[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd > name)
            {
                end = nameEnd; // "School of Biological Sciences"
            }
        }
        // "Integra-A Hotel & Restaurant Co.": the head is inside a longer name.
        if (end < last && (IsNameWord(text, tokens[end]) || (TokenText.Is(text, tokens[end], "&") && end + 1 < last && IsNameWord(text, tokens[end + 1]))))
        {
            return null;
        }
        var stop = tokens[end - 1].End;
        if (TokenText.Overlapping(mentions, tokens[head].Start, tokens[head].End) is [var mention, ..])
        {
            // Past the head it is a longer name; an organization that ends at the head is already right ("Standard Oil
            // Company of New York", which wikigold splits as GMB would).
            if (mention.Offset + mention.Length > stop
                || (mention.Category == EntityCategories.Organization && mention.Offset + mention.Length == tokens[head].End))
            {
                return null;
            }
            var first = head;
            while (first > sentenceFirst && tokens[first - 1].Start >= mention.Offset)
            {
                first--;
            }
            return first == head && end == head + 1 ? null : new Phrase(first, end, EntityCategories.Organization);
        }
        var start = NameSideStart(text, tokens, head, sentenceFirst, lexicon);
        // "the School" alone names nothing in particular; "University of Texas" does.
        return start == head && end == head + 1 ? null : new Phrase(start, end, EntityCategories.Organization);
    }

    /// <summary>
    /// The first token of the capitalized words (and possessives inside them) right before a final head word, up to
    /// <see cref="MaxNameWords"/>; <paramref name="head"/> itself when there are none.
    /// </summary>
    private static int NameSideStart(string text, List<TextToken> tokens, int head, int sentenceFirst, WordLexicon lexicon)
    {
        var first = head;
        while (first > sentenceFirst && head - first < MaxNameWords
            && (IsNameWord(text, tokens[first - 1]) || (first < head && IsPossessive(text, tokens[first - 1]))))
        {
            first--;
        }
        while (first < head && IsPossessive(text, tokens[first]))
        {
            first++;
        }
        // A sentence's first word is capitalized anyway: it belongs to the name only if it usually is ("In", "The"
        // and "Then" are not).
        if (first == sentenceFirst && first < head && !lexicon.IsUsuallyCapitalized(tokens[first].In(text)))
        {
            first++;
        }
        return first;
    }

    /// <summary>"Battle of [the] Name", with an ordinal before it kept ("Second Battle of Bull Run").</summary>
    private static Phrase? AfterInitialHead(string text, List<TextToken> tokens, int head, int sentenceFirst, int last)
    {
        var name = head + 1;
        if (name >= last || !TokenText.Is(text, tokens[name], "of"))
        {
            return null;
        }
        name++;
        if (name < last && TokenText.Is(text, tokens[name], "the"))
        {
            name++;
        }
        var end = name;
        while (end < last && end - name < MaxNameWords && (IsNameWord(text, tokens[end]) || (end > name && IsPossessive(text, tokens[end]))))
        {
            end++;
        }
        while (end > name && IsPossessive(text, tokens[end - 1]))
        {
            end--;
        }
        if (end == name)
        {
            return null;
        }
        var first = head > sentenceFirst && TokenText.IsOneOf(tokens[head - 1].In(text), Ordinals) ? head - 1 : head;
        return new Phrase(first, end, EntityCategories.Event);
    }

    private static bool IsNameWord(string text, TextToken token) => char.IsUpper(text[token.Start]);

    private static bool IsPossessive(string text, TextToken token) => TokenText.IsPossessive(token.In(text));
}

using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Articles give a name in full once and a short form after that: a person by surname ("Felix Mendelssohn" …
/// "Mendelssohn wrote"), an organization by the abbreviation defined in parentheses ("Model Aeronautics Association
/// of Australia (MAAA)" … "the MAAA"). The tagger sees one sentence at a time, so a short form, which could as well
/// be a town or a firm, is often typed wrongly or missed. Within one article:
/// <list type="bullet">
/// <item>a single word that is the last word of a multi-word Person mention is that person;</item>
/// <item>an abbreviation in parentheses right after a multi-word mention, starting with the same letter, is that
/// mention's entity;</item>
/// </list>
/// and a mention of the short form takes the full name's category, and an untagged occurrence becomes a mention.
/// Stanford's and Ratinov &amp; Roth's taggers use the same cues as soft features; here it is a rule after tagging,
/// since the tagger has no article-wide view.
/// Guards, because a surname can also be an ordinary word: calendar words ("May", "June") are never surnames, and at
/// the start of a sentence only a word that the lexicon knows as usually capitalized is tagged ("Young" starting a
/// sentence is more often the adjective), or a person's surname followed by a verb ("Player won").
/// </summary>
internal static class ShortNamePropagation
{
    private readonly record struct FullName(string Category, double Confidence);

    /// <summary>Verbs after a sentence-initial surname that show it is the subject (see <see cref="IsVerbAfterSubject"/>).</summary>
    private static readonly string[] SubjectVerbs =
        ["said", "says", "won", "was", "is", "had", "has", "will", "would", "could", "can", "did", "made", "went", "took", "became", "told"];

    /// <summary>Returns the mentions (text order) with short forms typed as their full name and untagged ones added.</summary>
    public static List<EntityMention> Apply(
        List<EntityMention> mentions, string text, List<TextToken> tokens, IReadOnlyList<SentenceSpan> sentences, WordLexicon lexicon)
    {
        var fullNameOf = ShortForms(mentions, text, tokens);
        if (fullNameOf.Count == 0)
        {
            return mentions;
        }
        // net8.0 has no span lookup into a string dictionary, so only a capitalized token of a short form's length is
        // turned into a string to look up.
        var lengths = 0UL;
        foreach (var shortForm in fullNameOf.Keys)
        {
            lengths |= 1UL << Math.Min(shortForm.Length, 63);
        }
        var result = new List<EntityMention>(mentions.Count + 4);
        foreach (var mention in mentions)
        {
            result.Add(fullNameOf.TryGetValue(mention.Text, out var full) && mention.Category != full.Category
                ? mention with { Category = full.Category, Confidence = full.Confidence }
                : mention);
        }

        var added = false;
        var next = 0; // first mention that does not end before the current token
        foreach (var sentence in sentences)
        {
            for (var i = sentence.First; i < sentence.First + sentence.Count; i++)
            {
                var token = tokens[i];
                while (next < mentions.Count && mentions[next].Offset + mentions[next].Length <= token.Start)
                {
                    next++;
                }
                if ((next < mentions.Count && mentions[next].Offset < token.End) || !char.IsUpper(text[token.Start])
                    || (lengths & (1UL << Math.Min(token.Length, 63))) == 0)
                {
                    continue;
                }
                var word = text.Substring(token.Start, token.Length);
                if (!fullNameOf.TryGetValue(word, out var fullName)
                    || (i == sentence.First && !lexicon.IsUsuallyCapitalized(word)
                        && !(fullName.Category == EntityCategories.Person && i + 1 < sentence.First + sentence.Count && IsVerbAfterSubject(tokens[i + 1].In(text)))))
                {
                    continue;
                }
                result.Add(new EntityMention
                {
                    Text = word, Category = fullName.Category, Offset = token.Start, Length = token.Length, Confidence = fullName.Confidence,
                });
                added = true;
            }
        }
        if (added)
        {
            result.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }
        return result;
    }

    /// <summary>
    /// "Player won", "Player 's been", "Player finished": a past-tense or common verb right after the word shows it is the
    /// subject, which a common noun starting a sentence seldom is without its article. A word ending in "-s" is not
    /// taken: "Rice prices rose" is a noun phrase.
    /// </summary>
    private static bool IsVerbAfterSubject(ReadOnlySpan<char> next) =>
        TokenText.IsPossessive(next)
        || (next.Length >= 4 && char.IsLower(next[0]) && next.EndsWith("ed", StringComparison.Ordinal))
        || TokenText.IsOneOf(next, SubjectVerbs);

    /// <summary>Short form → the category and confidence of the most confident full name it stands for.</summary>
    private static Dictionary<string, FullName> ShortForms(List<EntityMention> mentions, string text, List<TextToken> tokens)
    {
        var shortForms = new Dictionary<string, FullName>(StringComparer.Ordinal);
        void Add(string shortForm, EntityMention full)
        {
            if (!shortForms.TryGetValue(shortForm, out var known) || known.Confidence < full.Confidence)
            {
                shortForms[shortForm] = new FullName(full.Category, full.Confidence);
            }
        }

        var nextToken = 0;
        foreach (var mention in mentions)
        {
            var space = mention.Text.LastIndexOf(' ');
            if (space < 0)
            {
                continue;
            }
            var surname = mention.Text[(space + 1)..];
            if (mention.Category == EntityCategories.Person && surname.Length >= 2 && char.IsUpper(surname[0]) && !TokenText.IsCalendarWord(surname))
            {
                Add(surname, mention);
            }

            var end = mention.Offset + mention.Length;
            while (nextToken < tokens.Count && tokens[nextToken].Start < end)
            {
                nextToken++;
            }
            if (nextToken + 2 < tokens.Count && TokenText.Is(text, tokens[nextToken], "(") && TokenText.Is(text, tokens[nextToken + 2], ")"))
            {
                var abbreviation = text.Substring(tokens[nextToken + 1].Start, tokens[nextToken + 1].Length);
                if (MentionGrouper.CanAbbreviate(mention.Text, abbreviation))
                {
                    Add(abbreviation, mention);
                }
            }
        }
        return shortForms;
    }
}

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Person mentions are the name without its title ("Dr Sue Black" → "Sue Black"), as Azure AI Language reports them
/// and as the GMB training spans are cut (<see cref="PersonTitles"/>). The tweet corpora keep titles in some spans, so
/// the tagger still includes one now and then, and it types a name it has never seen after "Professor" or "Colonel"
/// as an Organization now and then. This trims the titles off a mention's start, and makes a mention that starts with
/// a personal honorific a Person.
/// </summary>
internal static class LeadingTitles
{
    /// <summary>
    /// Honorifics other than "Mr.", "Ms." and "Mrs.": titles of office and rank that only ever come before a person's name.
    /// </summary>
    private static readonly string[] RankHonorifics =
    [
        "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "colonel", "col.", "captain", "capt.", "lieutenant", "lt.",
        "sergeant", "sgt.", "coach",
    ];

    /// <summary>
    /// Words that only ever come before a person's name. Unlike <see cref="PersonTitles"/> this leaves out words that
    /// also start organizations and places ("General Motors", "King County", "Prince Edward Island").
    /// </summary>
    private static readonly HashSet<ulong> Honorifics = TokenText.FoldedSet([.. RankHonorifics, "mr", "mr.", "mrs", "mrs.", "ms", "ms."]);

    /// <summary>
    /// Honorifics that make the name after them a Person even when they are outside the mention ("Dr. Don Wright will join
    /// BCIT"), and "Fr" (Father). "Mr.", "Ms." and "Mrs." would be as right, but GMB's silver labels type about 15 % of the
    /// names after "Mr." as organizations or places ("Mr. Musharraf" a place), and scoring against them cost 1.7 F1 points
    /// on GMB test; the tagger already reads those names as people almost always.
    /// </summary>
    private static readonly HashSet<ulong> HonorificsBeforeMention = TokenText.FoldedSet([.. RankHonorifics, "fr", "fr."]);

    /// <summary>"secretary-general" is the longest title; longer words are not looked up.</summary>
    private const int MaxTitleLength = 17;

    /// <summary>
    /// The index in <paramref name="tokens"/> of the first name token of the mention [<paramref name="first"/>,
    /// <paramref name="end"/>), past a leading "the" and titles; <paramref name="category"/> becomes Person when the mention
    /// starts with an honorific or follows one.
    /// </summary>
    public static int FirstNameToken(string text, List<TextToken> tokens, int sentenceFirst, int first, int end, ref string? category)
    {
        if (category is null)
        {
            return first;
        }
        // "the Netherlands": GMB puts a lower-case "the" inside a place 5 % of the time, and the tagger copies it now and then.
        if (first < end - 1 && TokenText.Is(text, tokens[first], "the"))
        {
            first++;
        }
        // "Dr. Don Wright will join BCIT": the honorific is outside the mention, but still says who it is.
        if (first > sentenceFirst && category != EntityCategories.Person && TokenText.IsIn(tokens[first - 1].In(text), HonorificsBeforeMention)
            && char.IsUpper(text[tokens[first - 1].Start]))
        {
            category = EntityCategories.Person;
        }
        if (end - first < 2)
        {
            return first;
        }
        if (category != EntityCategories.Person)
        {
            if (!IsTitle(tokens[first].In(text), honorificOnly: true))
            {
                return first;
            }
            category = EntityCategories.Person;
        }
        while (first < end - 1 && IsTitle(tokens[first].In(text), honorificOnly: false))
        {
            first++;
        }
        return first;
    }

    private static bool IsTitle(ReadOnlySpan<char> word, bool honorificOnly) =>
        word.Length <= MaxTitleLength && char.IsUpper(word[0])
        && (TokenText.IsIn(word, Honorifics) || (!honorificOnly && PersonTitles.IsTitle(word)));
}

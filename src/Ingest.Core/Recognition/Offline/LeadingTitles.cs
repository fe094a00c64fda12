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
    /// Words that only ever come before a person's name. Unlike <see cref="PersonTitles"/> this leaves out words that
    /// also start organizations and places ("General Motors", "King County", "Prince Edward Island").
    /// </summary>
    private static readonly HashSet<ulong> Honorifics = TokenText.FoldedSet(
    [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
        "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "coach",
    ]);

    /// <summary>"secretary-general" is the longest title; longer words are not looked up.</summary>
    private const int MaxTitleLength = 17;

    /// <summary>
    /// The index in <paramref name="tokens"/> of the first name token of the mention [<paramref name="first"/>,
    /// <paramref name="end"/>); <paramref name="category"/> becomes Person when the mention starts with an honorific.
    /// </summary>
    public static int FirstNameToken(string text, List<TextToken> tokens, int first, int end, ref string? category)
    {
        if (end - first < 2 || category is null)
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

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// GMB labels a leading title as part of the person ("President Hugo Chavez", "Mr. Blair") in some sentences
/// and not in others. Person mentions here follow Azure AI Language and most NER corpora: the name without
/// its title. So leading title words are removed from GMB person spans before training and evaluation; a span
/// that is only titles stops being an entity.
/// </summary>
public static class PersonTitles
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "sen.", "rep.", "gov.", "gen.", "col.", "lt.",
        "sgt.", "capt.", "maj.", "adm.", "rev.", "st.", "president", "vice", "prime", "minister", "premier",
        "chancellor", "secretary", "secretary-general", "general", "senator", "congressman", "congresswoman",
        "governor", "mayor", "king", "queen", "prince", "princess", "crown", "emperor", "pope", "cardinal",
        "archbishop", "bishop", "ayatollah", "grand", "sheikh", "emir", "sultan", "imam", "cleric", "rabbi",
        "ambassador", "envoy", "judge", "justice", "chief", "colonel", "lieutenant", "commander", "admiral",
        "marshal", "captain", "sergeant", "deputy", "foreign", "defense", "defence", "interior", "finance",
        "former", "acting", "senior", "sir", "lord", "lady", "dame", "speaker", "attorney", "opposition", "leader",
    };

    private static readonly HashSet<ulong> FoldedTitles = TokenText.FoldedSet(Titles);

    public static bool IsTitle(string word) => Titles.Contains(word);

    /// <summary>The same test for a token in the text, without making a string of it.</summary>
    internal static bool IsTitle(ReadOnlySpan<char> word) => TokenText.IsIn(word, FoldedTitles);

    /// <summary>Relabels leading titles of each person span as outside; the first name word becomes its start.</summary>
    public static void StripLeadingTitles(string[] words, string[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] != "B-" + NerEntityTypes.Person)
            {
                continue;
            }
            var j = i;
            while (j < tags.Length && (j == i || tags[j] == "I-" + NerEntityTypes.Person) && IsTitle(words[j]))
            {
                tags[j] = "O";
                j++;
            }
            if (j > i && j < tags.Length && tags[j] == "I-" + NerEntityTypes.Person)
            {
                tags[j] = "B-" + NerEntityTypes.Person;
            }
        }
    }
}

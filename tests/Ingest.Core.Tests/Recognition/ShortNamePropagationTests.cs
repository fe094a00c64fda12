using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>The article-wide rules that a lone surname is the person named in full, and a defined abbreviation the entity it abbreviates.</summary>
public class ShortNamePropagationTests
{
    private static List<EntityMention> Apply(string article, List<EntityMention> mentions, WordLexicon? lexicon = null) =>
        Run(ShortNamePropagation.Apply, article, mentions, lexicon);

    [Fact]
    public void A_lone_surname_typed_otherwise_becomes_the_person_and_untagged_ones_are_added()
    {
        const string article = "Composer Felix Mendelssohn visited Leipzig. Critics said Mendelssohn was tired. Later Mendelssohn wrote to Leipzig.";
        var mentions = new List<EntityMention>
        {
            Mention("Felix Mendelssohn", article, EntityCategories.Person, confidence: 0.8),
            Mention("Leipzig", article, EntityCategories.Location),
            Mention("Mendelssohn", article, EntityCategories.Location, from: article.IndexOf("said", StringComparison.Ordinal), confidence: 0.4),
            Mention("Leipzig", article, EntityCategories.Location, from: article.IndexOf("to Leipzig", StringComparison.Ordinal)),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Felix Mendelssohn", "Person"), ("Leipzig", "Location"), ("Mendelssohn", "Person"), ("Mendelssohn", "Person"), ("Leipzig", "Location")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(result.Select(m => m.Offset).Order(), result.Select(m => m.Offset));
        var added = result[3];
        Assert.Equal(article.IndexOf("Mendelssohn wrote", StringComparison.Ordinal), added.Offset);
        Assert.Equal(0.8, added.Confidence);
        Assert.Equal(0.8, result[2].Confidence);
    }

    [Fact]
    public void Calendar_words_and_words_inside_other_mentions_are_left_alone()
    {
        const string article = "Ministers Theresa May and Ed Hall met on 4 May at the Hall Street Bank. Then Hall left.";
        var mentions = new List<EntityMention>
        {
            Mention("Theresa May", article, EntityCategories.Person),
            Mention("Ed Hall", article, EntityCategories.Person),
            Mention("Hall Street Bank", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Theresa May", "Person"), ("Ed Hall", "Person"), ("Hall Street Bank", "Organization"), ("Hall", "Person")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(article.IndexOf("Hall left", StringComparison.Ordinal), result[3].Offset);
    }

    [Fact]
    public void At_a_sentence_start_only_a_word_usually_capitalized_is_taken_for_the_surname()
    {
        const string article = "Singer Neil Young played. Young fans cheered. Reporters said Young smiled.";
        var mentions = new List<EntityMention> { Mention("Neil Young", article, EntityCategories.Person) };
        var youngIsUsuallyLowerCase = new WordLexicon(new Dictionary<ulong, WordLexicon.Entry>
        {
            [FeatureHash.Folded("Young")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        });

        var guarded = Apply(article, mentions, youngIsUsuallyLowerCase);
        var unknownWord = Apply(article, mentions);

        Assert.Equal([article.IndexOf("Young smiled", StringComparison.Ordinal)], guarded.Where(m => m.Text == "Young").Select(m => m.Offset));
        Assert.Equal(2, unknownWord.Count(m => m.Text == "Young"));
    }

    [Fact]
    public void At_a_sentence_start_a_surname_usually_lower_case_is_taken_before_a_verb()
    {
        const string article = "Ben Player is the champion. Player won the title. Player 's been busy. Player ratings rose. Player pinpoints it.";
        var mentions = new List<EntityMention> { Mention("Ben Player", article, EntityCategories.Person) };
        var playerIsUsuallyLowerCase = new WordLexicon(new Dictionary<ulong, WordLexicon.Entry>
        {
            [FeatureHash.Folded("Player")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        });

        var result = Apply(article, mentions, playerIsUsuallyLowerCase);

        Assert.Equal(
            [article.IndexOf("Player won", StringComparison.Ordinal), article.IndexOf("Player 's", StringComparison.Ordinal)],
            result.Where(m => m.Text == "Player").Select(m => m.Offset));
    }

    [Fact]
    public void An_abbreviation_defined_in_parentheses_is_the_entity_it_follows()
    {
        const string article = "The Model Aeronautics Association of Australia (MAAA) met. Members of the MAAA voted. The MAAA and the ABC (radio) agreed.";
        var mentions = new List<EntityMention>
        {
            Mention("Model Aeronautics Association of Australia", article, EntityCategories.Organization, confidence: 0.7),
            Mention("MAAA", article, EntityCategories.Location, from: article.IndexOf("the MAAA", StringComparison.Ordinal), confidence: 0.3),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [
                ("Model Aeronautics Association of Australia", "Organization"), ("MAAA", "Organization"), ("MAAA", "Organization"),
                ("MAAA", "Organization"),
            ],
            result.Select(m => (m.Text, m.Category)));
        Assert.All(result.Skip(1), m => Assert.Equal(0.7, m.Confidence));
        Assert.DoesNotContain(result, m => m.Text == "ABC");
    }

    [Fact]
    public void Without_a_full_name_nothing_changes()
    {
        const string article = "Reading beat Hull. Reading fans sang.";
        var mentions = new List<EntityMention> { Mention("Reading", article, EntityCategories.Organization), Mention("Hull", article, EntityCategories.Location) };

        Assert.Same(mentions, Apply(article, mentions));
    }
}

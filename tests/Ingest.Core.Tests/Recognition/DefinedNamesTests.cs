using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"X is a village", "X, a supermarket chain": an article's own definition of a name types all its mentions.</summary>
public class DefinedNamesTests
{
    private static readonly WordLexicon DeterminersLowerCase = new(new Dictionary<ulong, WordLexicon.Entry>
    {
        [FeatureHash.Folded("The")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        [FeatureHash.Folded("In")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        [FeatureHash.Folded("He")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        [FeatureHash.Folded("Reporters")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        [FeatureHash.Folded("Next")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        [FeatureHash.Folded("Distance")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        [FeatureHash.Folded("A")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
    });

    private static List<EntityMention> Apply(string article, List<EntityMention> mentions) =>
        Run(DefinedNames.Apply, article, mentions, DeterminersLowerCase);

    [Fact]
    public void A_defined_village_is_a_place_in_every_sentence_and_untagged_mentions_are_added()
    {
        const string article = "Aisby is a small village in Lincolnshire. The church of Aisby was rebuilt. Farmers left Aisby in 1900.";
        var mentions = new List<EntityMention>
        {
            Mention("Aisby", article, EntityCategories.Person),
            Mention("Lincolnshire", article, EntityCategories.Location),
            Mention("Aisby", article, EntityCategories.Person, from: 20),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Aisby", "Location"), ("Lincolnshire", "Location"), ("Aisby", "Location"), ("Aisby", "Location")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(article.LastIndexOf("Aisby", StringComparison.Ordinal), result[3].Offset);
        Assert.Equal(result.Select(m => m.Offset).Order(), result.Select(m => m.Offset));
    }

    [Fact]
    public void An_appositive_and_a_parenthesized_abbreviation_define_an_organization()
    {
        const string article =
            "Investors in Fairfax Media , an Australian media company , sold. " +
            "Bicicletas Caloi ( CALOI ) is a major Brazilian manufacturer of bicycles. Later Caloi opened a plant.";
        var mentions = new List<EntityMention>
        {
            Mention("Fairfax Media", article, EntityCategories.Person),
            Mention("Caloi", article, EntityCategories.Person, from: article.IndexOf("Later", StringComparison.Ordinal)),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Fairfax Media", "Organization"), ("Bicicletas Caloi", "Organization"), ("CALOI", "Organization"), ("Caloi", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_radio_station_is_an_organization_a_language_is_no_name_and_a_person_is_read_past_parentheses()
    {
        const string article =
            "6PR is a commercial radio station owned by Fairfax. Listeners of 6PR called. " +
            "Aguano is an extinct language of Peru. Aguano was spoken there. " +
            "Dorothea von Schlegel ( born 1764 ) was a German novelist and translator.";
        var mentions = new List<EntityMention>
        {
            Mention("Aguano", article, EntityCategories.Person),
            Mention("Peru", article, EntityCategories.Location),
            Mention("Dorothea von Schlegel", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("6PR", "Organization"), ("6PR", "Organization"), ("Peru", "Location"), ("Dorothea von Schlegel", "Person")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Theory]
    [InlineData("In Baghdad , a roadside bomb killed four people. Police in Baghdad said so.")]
    [InlineData("Speaking in Beijing , a Foreign Ministry spokesman said no. Beijing disagreed.")]
    [InlineData("Born in Danvers , Massachusetts is an American rapper. Massachusetts is cold.")]
    [InlineData("The band 30 Seconds to Mars is a group of three. Mars was not named.")]
    [InlineData("Reporters Without Borders is an organization of journalists. Without Borders left.")]
    [InlineData("He is a famous painter. He left. Cowley was the team 's sole remaining star.")]
    [InlineData("Nigeria is a major petroleum producer. Nigeria exports oil.")]
    [InlineData("Obama is a Democratic Party figure representing the state in Congress. Obama spoke.")]
    [InlineData("Stan is an episode of the series. In it Stan leaves town.")]
    [InlineData("Next to Perth is a small town. Perth grew.")]
    [InlineData("Officials of the state of Texas-based company left. Texas-based firms grew.")]
    [InlineData("Distance Records is a French record label. Distance Records left.")]
    public void Sentences_that_only_look_like_definitions_change_nothing(string article)
    {
        var name = new[] { "Baghdad", "Beijing", "Massachusetts", "Mars", "Without Borders", "Cowley", "Nigeria", "Obama", "Stan", "Perth", "Records", "Texas-based" }
            .First(n => article.Contains(n, StringComparison.Ordinal));
        var mentions = new List<EntityMention> { Mention(name, article, EntityCategories.Location) };

        var result = Apply(article, mentions);

        Assert.Equal(mentions, result);
    }

    [Fact]
    public void A_chain_is_of_what_follows_its_of()
    {
        const string article = "Bilka is a Danish chain of hypermarkets. The Florida Keys , a chain of islands , flooded. Hotels in Bilka closed.";
        var mentions = new List<EntityMention>
        {
            Mention("Bilka", article, EntityCategories.Person),
            Mention("Florida Keys", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Bilka", "Organization"), ("Florida Keys", "Location"), ("Bilka", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_series_of_games_is_no_name_and_a_participle_after_the_head_does_not_replace_it()
    {
        const string article = "EZ2DJ is a series of music video games created by Amuse World . The first EZ2DJ came out in 1999 .";
        var mentions = new List<EntityMention>
        {
            Mention("EZ2DJ", article, EntityCategories.Organization),
            Mention("Amuse World", article, EntityCategories.Organization),
            Mention("EZ2DJ", article, EntityCategories.Organization, from: 20),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("Amuse World", "Organization")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_defined_person_is_named_without_the_title_before_the_name()
    {
        const string article = "Mr. Anwar is the second journalist killed in Dhaka in recent weeks .";
        var mentions = new List<EntityMention> { Mention("Anwar", article, EntityCategories.Person) };

        var result = Apply(article, mentions);

        var anwar = Assert.Single(result);
        Assert.Equal(("Anwar", "Person", article.IndexOf("Anwar", StringComparison.Ordinal)), (anwar.Text, anwar.Category, anwar.Offset));
    }

    [Fact]
    public void An_untagged_occurrence_after_a_sentence_opening_the_is_added()
    {
        const string article = "6PR is a radio station in Perth . The 6PR studio remained there for years .";
        var mentions = new List<EntityMention>
        {
            Mention("6PR", article, EntityCategories.Person),
            Mention("Perth", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("6PR", "Organization", 0), ("Perth", "Location", 26), ("6PR", "Organization", 38)],
            result.Select(m => (m.Text, m.Category, m.Offset)));
    }

    [Fact]
    public void Names_listed_before_and_other_of_a_plural_kind_are_of_that_kind()
    {
        const string article =
            "They toured with Head Automatica , The Receiving End of Sirens , Cobra Starship , and several other bands . " +
            "Protests went on in Cairo , Suez and other towns . Later Port Said and other towns were quiet .";
        var mentions = new List<EntityMention>
        {
            Mention("Head Automatica", article, EntityCategories.Person),
            Mention("Cobra Starship", article, EntityCategories.Person),
            Mention("Suez", article, EntityCategories.Person),
            Mention("Port Said", article, EntityCategories.Person),
        };

        var result = Apply(article, mentions);

        // One name before "and other" is no list: Port Said keeps the tagger's reading.
        Assert.Equal(
            [("Head Automatica", "Organization"), ("The Receiving End of Sirens", "Organization"), ("Cobra Starship", "Organization"),
             ("Cairo", "Location"), ("Suez", "Location"), ("Port Said", "Person")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_facility_is_a_place_and_a_verb_after_the_head_ends_the_phrase()
    {
        const string article = "Davis Gym is an indoor athletics facility on the campus . Piedade , a small village is spread below .";
        var mentions = new List<EntityMention>
        {
            Mention("Davis Gym", article, EntityCategories.Person),
            Mention("Piedade", article, EntityCategories.Person),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("Davis Gym", "Location"), ("Piedade", "Location")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void An_anthem_is_no_name()
    {
        const string article = "A Portuguesa is the national anthem of Portugal . The title A Portuguesa means the Portuguese song .";
        var mentions = new List<EntityMention>
        {
            Mention("Portuguesa", article, EntityCategories.Organization),
            Mention("Portugal", article, EntityCategories.Location),
            Mention("Portuguesa", article, EntityCategories.Organization, from: 40),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("Portugal", "Location")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_name_standing_inside_a_longer_one_is_not_added()
    {
        const string article = "Perth is a city in Western Australia. Perth Glory won. The Perth Mint opened.";

        var result = Apply(article, []);

        Assert.Equal([(0, "Perth")], result.Select(m => (m.Offset, m.Text)));
    }

    [Fact]
    public void A_title_that_starts_the_sentence_is_read_whole_and_replaces_the_mentions_inside_it()
    {
        const string article =
            "30 Seconds to Mars ( or Thirty Seconds to Mars ) is an alternative rock band from Los Angeles. " +
            "Fans of 30 Seconds to Mars waited. Mars is a planet.";
        var mentions = new List<EntityMention>
        {
            Mention("Mars", article, EntityCategories.Location),
            Mention("Los Angeles", article, EntityCategories.Location),
            Mention("Mars", article, EntityCategories.Location, from: article.IndexOf("Fans", StringComparison.Ordinal)),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [(0, "30 Seconds to Mars", "Organization"), (article.IndexOf("Thirty", StringComparison.Ordinal), "Thirty Seconds to Mars", "Organization"),
             (article.IndexOf("Los", StringComparison.Ordinal), "Los Angeles", "Location"),
             (article.IndexOf("30 Seconds", 10, StringComparison.Ordinal), "30 Seconds to Mars", "Organization")],
            result.Select(m => (m.Offset, m.Text, m.Category)));
    }

    [Fact]
    public void A_name_whose_first_word_is_usually_lower_case_is_defined_if_the_article_writes_it_mid_sentence()
    {
        const string article =
            "Distance Records is a French dance music record label. The duo signed with Distance Records in 1999. " +
            "Crazyhead are an English punk rock / garage rock band. Crazyhead toured.";
        var mentions = new List<EntityMention>
        {
            Mention("Distance Records", article, EntityCategories.Person, from: 10),
            Mention("Crazyhead", article, EntityCategories.Person),
            Mention("Crazyhead", article, EntityCategories.Location, from: article.IndexOf("toured", StringComparison.Ordinal) - 12),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Distance Records", "Organization"), ("Distance Records", "Organization"), ("Crazyhead", "Organization"), ("Crazyhead", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void Two_names_joined_by_and_are_not_read_as_one_title()
    {
        const string article = "Texas and Ohio are the two key states.";

        var result = Apply(article, [Mention("Texas", article, EntityCategories.Location)]);

        Assert.DoesNotContain(result, m => m.Text.Contains(" and ", StringComparison.Ordinal));
        Assert.Equal([("Texas", "Location"), ("Ohio", "Location")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_kind_noun_right_before_a_name_defines_it()
    {
        const string article =
            "He is the guitarist of the band Gigi . Since then , Gigi has released six albums. " +
            "Farms lie in the parish of Heydour near Aisby. Troops entered the town of Nablus Thursday and left Nablus . " +
            "It is the debut album of german metal band Van Canto , released in 2006 . It ran in the scientific journal Protein Science . " +
            "It owned the talk station 3AW . Trains stop at the station Cosham . He played for actor Tyrone Power 's hands . She lived with her son Philipp .";
        var mentions = new List<EntityMention>
        {
            Mention("Gigi", article, EntityCategories.Person),
            Mention("Gigi", article, EntityCategories.Person, from: 40),
            Mention("Tyrone Power", article, EntityCategories.Organization),
            Mention("Philipp", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        // "Nablus Thursday" is not taken as a name; that occurrence is not added either, because a capitalized word follows it.
        Assert.Equal(
            [("Gigi", "Organization"), ("Gigi", "Organization"), ("Heydour", "Location"), ("Nablus", "Location"), ("Van Canto", "Organization"),
             ("Protein Science", "Organization"), ("3AW", "Organization"), ("Tyrone Power", "Person"),
             ("Philipp", "Person")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(article.LastIndexOf("Nablus", StringComparison.Ordinal), result[^6].Offset);
    }

    [Fact]
    public void A_park_before_a_name_is_a_place_and_a_defined_mall_is_an_organization()
    {
        const string article = "Bilje lies on the outskirts of nature park Kopački Rit . Kopački Rit offers good hunting . "
            + "Cary Towne Center is a shopping mall in Cary . In 1991 the mall was renamed Cary Towne Center .";
        var mentions = new List<EntityMention>
        {
            Mention("Bilje", article, EntityCategories.Location),
            Mention("Kopački Rit", article, EntityCategories.Person),
            Mention("Kopački Rit", article, EntityCategories.Person, from: 50),
            Mention("Cary Towne Center", article, EntityCategories.Person),
            Mention("Cary", article, EntityCategories.Location, from: 120),
            Mention("Cary Towne Center", article, EntityCategories.Person, from: 130),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Bilje", "Location"), ("Kopački Rit", "Location"), ("Kopački Rit", "Location"), ("Cary Towne Center", "Organization"),
             ("Cary", "Location"), ("Cary Towne Center", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void Names_given_as_examples_of_a_plural_kind_are_of_that_kind()
    {
        const string article =
            "Critics compare them to bands like New Order , Interpol or Joy Division . Interpol toured. " +
            "It was sold in states such as California , Utah , and Arizona in May. " +
            "There were bands and artists such as Linkin Park and Gwen Stefani .";
        var mentions = new List<EntityMention>
        {
            Mention("Interpol", article, EntityCategories.Location),
            Mention("Interpol", article, EntityCategories.Location, from: article.IndexOf("Interpol toured", StringComparison.Ordinal)),
            Mention("California", article, EntityCategories.Location),
            Mention("Linkin Park", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        // "bands and artists" mixes two kinds, so Linkin Park keeps the tagger's reading and Gwen Stefani is not added.
        Assert.Equal(
            [("New Order", "Organization"), ("Interpol", "Organization"), ("Joy Division", "Organization"), ("Interpol", "Organization"),
             ("California", "Location"), ("Utah", "Location"), ("Arizona", "Location"), ("Linkin Park", "Location")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void Other_names_in_parentheses_after_also_or_or_are_defined_too()
    {
        const string article =
            "Bank Hey ( also Sunnybower or Sunny Bower ) is a suburb of Blackburn . " +
            "Hayley ( also known for her films ) is an actress .";
        var mentions = new List<EntityMention> { Mention("Sunny Bower", article, EntityCategories.Person) };

        var result = Apply(article, mentions);

        // "( also known for her films )" is not a list of names, so it adds nothing.
        Assert.Equal(
            [("Bank Hey", "Location"), ("Sunnybower", "Location"), ("Sunny Bower", "Location"), ("Hayley", "Person")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void What_is_owned_or_bought_is_an_organization_unless_the_tagger_saw_a_place()
    {
        const string article =
            "6PR is owned by Fairfax Media . In 1987 the TAB purchased 6PR . " +
            "Necker Island is owned by Richard Branson . Guests fly to Necker Island .";
        var mentions = new List<EntityMention>
        {
            Mention("Fairfax Media", article, EntityCategories.Organization),
            Mention("Necker Island", article, EntityCategories.Location),
            Mention("Richard Branson", article, EntityCategories.Person),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("6PR", "Organization"), ("Fairfax Media", "Organization"), ("6PR", "Organization"), ("Necker Island", "Location"), ("Richard Branson", "Person")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_name_after_known_as_takes_the_category_of_the_name_before_it()
    {
        const string article =
            "6PR , known as 882 6PR , began in 1931 . 6PR is owned by Fairfax . Listen to 882 6PR today . " +
            "Yasser Arafat , also known as Abu Ammar , died . Crowds mourned Abu Ammar .";
        var mentions = new List<EntityMention>
        {
            Mention("Yasser Arafat", article, EntityCategories.Person),
            Mention("Abu Ammar", article, EntityCategories.Location, from: article.IndexOf("mourned", StringComparison.Ordinal)),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("6PR", "Organization"), ("882 6PR", "Organization"), ("6PR", "Organization"), ("882 6PR", "Organization"),
             ("Yasser Arafat", "Person"), ("Abu Ammar", "Person"), ("Abu Ammar", "Person")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_defined_person_is_also_called_by_the_given_name()
    {
        const string article =
            "Dorothea von Schlegel ( born 1764 ) was a German novelist . In 1808 , Friedrich and Dorothea converted . " +
            "Georgia is a state . Sue Black visited Georgia .";
        var mentions = new List<EntityMention>
        {
            Mention("Dorothea von Schlegel", article, EntityCategories.Location),
            Mention("Dorothea", article, EntityCategories.Location, from: 20),
            Mention("Georgia", article, EntityCategories.Location, from: article.IndexOf("visited", StringComparison.Ordinal)),
        };

        var result = Apply(article, mentions);

        // Only the given name of a person the article defines and the tagger read as one name: Sue Black is not defined.
        Assert.Equal(
            [("Dorothea von Schlegel", "Person"), ("Dorothea", "Person"), ("Georgia", "Location"), ("Georgia", "Location")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void More_kinds_of_people_places_and_companies_are_read_but_a_title_run_keeps_the_taggers_person()
    {
        const string article =
            "Eberhard Faber is a brand of pencils . Eberhard Faber sold well . " +
            "Ohio Representative Bob Ney is the second lawmaker to quit .";
        var mentions = new List<EntityMention>
        {
            Mention("Eberhard Faber", article, EntityCategories.Person, from: 20),
            Mention("Ohio", article, EntityCategories.Location),
            Mention("Representative", article, EntityCategories.Organization),
            Mention("Bob Ney", article, EntityCategories.Person),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Eberhard Faber", "Organization"), ("Eberhard Faber", "Organization"), ("Ohio", "Location"), ("Representative", "Organization"), ("Bob Ney", "Person")],
            result.Select(m => (m.Text, m.Category)));
    }
}

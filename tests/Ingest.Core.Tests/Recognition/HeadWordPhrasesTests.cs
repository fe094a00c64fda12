using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>Battles, wars, festivals, trophies and halls of fame as whole names rather than the place or person inside them.</summary>
public class HeadWordPhrasesTests
{
    private static List<EntityMention> Apply(string article, List<EntityMention> mentions, WordLexicon? lexicon = null) =>
        Run(HeadWordPhrases.Apply, article, mentions, lexicon);

    [Fact]
    public void A_battle_replaces_the_place_inside_it_and_keeps_its_ordinal()
    {
        const string article = "The regiment fought in the Second Battle of Bull Run and at the Battle of the Bulge near Bastogne.";
        var mentions = new List<EntityMention>
        {
            Mention("Bull Run", article, EntityCategories.Location),
            Mention("Bulge", article, EntityCategories.Location),
            Mention("Bastogne", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Second Battle of Bull Run", "Event"), ("Battle of the Bulge", "Event"), ("Bastogne", "Location")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(article.IndexOf("Second Battle", StringComparison.Ordinal), result[0].Offset);
    }

    [Fact]
    public void A_campaign_of_a_place_is_an_event_but_a_campaign_for_something_is_left_alone()
    {
        const string article = "It was fought during the Campaign of Alto Peru . She joined the Campaign for Nuclear Disarmament .";
        var mentions = new List<EntityMention>
        {
            Mention("Alto Peru", article, EntityCategories.Location),
            Mention("Campaign for Nuclear Disarmament", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Campaign of Alto Peru", "Event"), ("Campaign for Nuclear Disarmament", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void An_institution_is_an_organization_not_the_town_or_person_it_is_named_after()
    {
        const string article = "Gaudin attended Crescent City High School in Metairie . The wounded were carried to the Atlantic City Hospital . "
            + "It is one of the games offered by the Connecticut Lottery . He took a PhD at the University of London in 1972 .";
        var mentions = new List<EntityMention>
        {
            Mention("Gaudin", article, EntityCategories.Person),
            Mention("Crescent City High School", article, EntityCategories.Location),
            Mention("Metairie", article, EntityCategories.Location),
            Mention("Atlantic City", article, EntityCategories.Location),
            Mention("Connecticut Lottery", article, EntityCategories.Person),
            Mention("London", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Gaudin", "Person"), ("Crescent City High School", "Organization"), ("Metairie", "Location"),
             ("Atlantic City Hospital", "Organization"), ("Connecticut Lottery", "Organization"), ("University of London", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void An_institution_keeps_the_start_the_tagger_found_and_takes_in_its_of_phrase()
    {
        const string article = "It became the Fairmont State Community and Technical College in 2003 , with the Watson School of Biological Sciences beside it .";
        var mentions = new List<EntityMention>
        {
            Mention("Fairmont State Community and Technical College", article, EntityCategories.Location),
            Mention("Watson School", article, EntityCategories.Person),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Fairmont State Community and Technical College", "Organization"), ("Watson School of Biological Sciences", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void An_institution_head_inside_a_longer_name_or_already_an_organization_is_left_alone()
    {
        const string article = "Integra-A Hotel & Restaurant Co. said so . A tank was fitted for the Standard Oil Company of New York . "
            + "Hotel owners and the School Board met at the Hospital .";
        var mentions = new List<EntityMention>
        {
            Mention("Restaurant Co.", article, EntityCategories.Organization),
            Mention("Standard Oil Company", article, EntityCategories.Organization),
            Mention("New York", article, EntityCategories.Location),
            Mention("School Board", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Restaurant Co.", "Organization"), ("Standard Oil Company", "Organization"), ("New York", "Location"), ("School Board", "Organization")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_bowl_game_and_an_awards_ceremony_are_events_and_a_record_chart_is_no_entity()
    {
        const string article = "They played in the GMAC Bowl , and both singles charted in the French Singles Chart and the UK Indie Chart . "
            + "The band won at the MTV Video Music Awards .";
        var mentions = new List<EntityMention>
        {
            Mention("GMAC Bowl", article, EntityCategories.Location),
            Mention("French Singles Chart", article, EntityCategories.Organization),
            Mention("UK", article, EntityCategories.Location),
            Mention("MTV Video Music Awards", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("GMAC Bowl", "Event"), ("MTV Video Music Awards", "Event")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_cup_is_an_event_not_the_person_it_is_named_after()
    {
        const string article = "Montreal was the first winner of the Stanley Cup in 1893 .";
        var mentions = new List<EntityMention>
        {
            Mention("Montreal", article, EntityCategories.Location),
            Mention("Stanley Cup", article, EntityCategories.Organization),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("Montreal", "Location"), ("Stanley Cup", "Event")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_name_ending_in_a_head_word_is_an_event_with_its_numeral()
    {
        const string article = "Veterans of World War II saw the Bangladesh Liberation War begin, and Glastonbury Festival gave out the Outland Trophy.";
        var mentions = new List<EntityMention>
        {
            Mention("Bangladesh Liberation War", article, EntityCategories.Organization),
            Mention("Glastonbury", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("World War II", "Event"), ("Bangladesh Liberation War", "Event"), ("Glastonbury Festival", "Event"), ("Outland Trophy", "Event")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_hall_of_fame_is_one_organization()
    {
        const string article = "She joined the USA Badminton Hall of Fame in 1956.";
        var mentions = new List<EntityMention>
        {
            Mention("USA", article, EntityCategories.Location),
            Mention("Badminton Hall", article, EntityCategories.Person),
            Mention("Fame", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("USA Badminton Hall of Fame", "Organization")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_hall_of_famer_is_no_entity_but_the_person_after_it_is()
    {
        const string article = "His manager was future Hall of Famer Bill McKechnie .";
        var mentions = new List<EntityMention>
        {
            Mention("Hall", article, EntityCategories.Person),
            Mention("Bill McKechnie", article, EntityCategories.Person),
        };

        var result = Apply(article, mentions);

        Assert.Equal([("Bill McKechnie", "Person")], result.Select(m => (m.Text, m.Category)));
    }

    [Fact]
    public void A_head_word_inside_a_longer_name_or_alone_is_left_to_the_tagger()
    {
        const string article = "The United Nations War Crimes Tribunal met. Soldiers said the War was long. Her festival ended.";
        var tribunal = Mention("United Nations War Crimes Tribunal", article, EntityCategories.Organization);

        var result = Apply(article, [tribunal]);

        Assert.Equal([tribunal], result);
    }

    [Fact]
    public void A_sentence_first_word_joins_the_name_only_if_it_is_usually_capitalized()
    {
        const string article = "Then Civil War broke out. Crimean War veterans marched.";
        var thenIsLowerCase = new WordLexicon(new Dictionary<ulong, WordLexicon.Entry>
        {
            [FeatureHash.Folded("Then")] = new(Cluster: 1, CoarseCluster: 1, CapitalizationHabit: 1),
        });

        var result = Apply(article, [], thenIsLowerCase);

        Assert.Equal(["Civil War", "Crimean War"], result.Select(m => m.Text));
        Assert.All(result, m => Assert.Equal(EntityCategories.Event, m.Category));
    }
}

using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>
/// "Coleman , Florida", "from Harrison to Bridgton": a name qualified by a place, or joined to one as the other end of a
/// route, is a place, in every sentence of the article.
/// </summary>
public class PlaceQualifiersTests
{
    [Fact]
    public void A_name_followed_by_a_comma_and_a_place_is_a_place_throughout_the_article()
    {
        const string article = "The prison is south of the town of Coleman , Florida , off Highway 301. The camp in Coleman is new.";
        var mentions = new List<EntityMention>
        {
            Mention("Coleman", article, EntityCategories.Person),
            Mention("Florida", article, EntityCategories.Location),
            Mention("Coleman", article, EntityCategories.Person, from: 60),
        };

        var result = PlaceQualifiers.Apply(mentions, article);

        Assert.Equal(
            [("Coleman", "Location"), ("Florida", "Location"), ("Coleman", "Location")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(mentions.Select(m => m.Offset), result.Select(m => m.Offset));
    }

    [Theory]
    [InlineData("Guido , Henrique and José Pedro ran the firm.", "Guido", EntityCategories.Person, "Henrique")]
    [InlineData("Venezuela 's Hugo Chavez , Bolivia 's Evo Morales and others met.", "Hugo Chavez", EntityCategories.Person, "Bolivia")]
    [InlineData("See Campbell , A.A. ( 1978 ) for more.", "Campbell", EntityCategories.Person, "A.A.")]
    [InlineData("They met Alice , Bob , Paris was sunny.", "Bob", EntityCategories.Person, "Paris")]
    [InlineData("Intelogic Trace Inc. , San Antonio , said it bought shares.", "Intelogic Trace Inc.", EntityCategories.Organization, "San Antonio")]
    [InlineData("He saw Jane Smith , Ohio Governor , at noon.", "Jane Smith", EntityCategories.Person, "Ohio")]
    public void A_list_a_possessive_a_citation_a_company_or_a_longer_name_is_not_a_qualified_place(
        string article, string name, string category, string place)
    {
        var mentions = new List<EntityMention>
        {
            Mention(name, article, category),
            Mention(place, article, EntityCategories.Location),
        };

        var result = PlaceQualifiers.Apply(mentions, article);

        Assert.Equal(mentions, result);
    }
    [Theory]
    [InlineData("Trains ran from Harrison to Bridgton Junction daily. The first left Harrison at 5:15 AM.", "Harrison", "Bridgton Junction")]
    [InlineData("The halt is between Caernarfon and Dinas on the cycle route. Dinas has a shop.", "Dinas", "Caernarfon")]
    [InlineData("Train No. 1 runs Bangkok - Chiang Mai overnight. Chiang Mai is the terminus.", "Chiang Mai", "Bangkok")]
    public void A_name_at_one_end_of_a_route_whose_other_end_is_a_place_is_a_place(string article, string name, string place)
    {
        var mentions = new List<EntityMention>
        {
            Mention(name, article, EntityCategories.Person),
            Mention(place, article, EntityCategories.Location),
            Mention(name, article, EntityCategories.Person, from: article.LastIndexOf(name, StringComparison.Ordinal)),
        }.OrderBy(m => m.Offset).ToList();

        var result = PlaceQualifiers.Apply(mentions, article);

        Assert.All(result, m => Assert.Equal(EntityCategories.Location, m.Category));
        Assert.Equal(mentions.Select(m => (m.Offset, m.Length)), result.Select(m => (m.Offset, m.Length)));
    }

    [Theory]
    [InlineData("Al-Zarqawi - Iraq 's most wanted man - is believed to have fled.", "Al-Zarqawi", "Iraq")]
    [InlineData("He drove to Harrison from Boston every week.", "Harrison", "Boston")]
    [InlineData("The talks between Mr. Blair and France went on.", "Blair", "France")]
    public void An_aside_a_reversed_route_or_a_name_not_between_the_ends_is_no_route(string article, string name, string place)
    {
        var mentions = new List<EntityMention>
        {
            Mention(name, article, EntityCategories.Person),
            Mention(place, article, EntityCategories.Location),
        }.OrderBy(m => m.Offset).ToList();

        var result = PlaceQualifiers.Apply(mentions, article);

        Assert.Equal(mentions, result);
    }
    [Fact]
    public void A_dash_before_a_name_most_of_whose_mentions_are_elsewhere_is_an_aside_not_a_route()
    {
        const string article = "Ben Player won . They voted at Shark Island - Ben Player and two others . Ben Player left .";
        var mentions = new List<EntityMention>
        {
            Mention("Ben Player", article, EntityCategories.Person),
            Mention("Shark Island", article, EntityCategories.Location),
            Mention("Ben Player", article, EntityCategories.Person, from: 20),
            Mention("Ben Player", article, EntityCategories.Person, from: 60),
        };

        var result = PlaceQualifiers.Apply(mentions, article);

        Assert.Equal(mentions, result);
    }
}

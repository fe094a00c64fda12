using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"Coleman , Florida": a name qualified by a place is a place, in every sentence of the article.</summary>
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
}

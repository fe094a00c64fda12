using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"340 Hay Street", "on Collins Ave": a name ending in a street word is a street.</summary>
public class StreetNamesTests
{
    private static List<EntityMention> Apply(string article, List<EntityMention> mentions) =>
        Run((m, text, tokens, sentences, _) => StreetNames.Apply(m, text, tokens, sentences), article, mentions);

    [Fact]
    public void An_untagged_street_is_added_and_a_street_typed_person_becomes_a_place()
    {
        const string article = "The studio moved to 340 Hay Street in 1963 . The family lived on Collins Ave in Miami Beach .";
        var mentions = new List<EntityMention>
        {
            Mention("Collins", article, EntityCategories.Person),
            Mention("Miami Beach", article, EntityCategories.Location),
        };

        var result = Apply(article, mentions);

        Assert.Equal(
            [("Hay Street", "Location"), ("Collins Ave", "Location"), ("Miami Beach", "Location")],
            result.Select(m => (m.Text, m.Category)));
    }

    [Theory]
    [InlineData("Stocks fell on Wall Street today .", "Wall Street", EntityCategories.Organization)]
    [InlineData("He reads The Wall Street Journal daily .", "Wall Street Journal", EntityCategories.Organization)]
    [InlineData("She met Mr. Drive at noon .", "Drive", EntityCategories.Person)]
    public void An_organization_a_longer_name_or_a_street_word_alone_is_left_alone(string article, string name, string category)
    {
        var mentions = new List<EntityMention> { Mention(name, article, category) };

        var result = Apply(article, mentions);

        Assert.Equal(mentions, result);
    }
}

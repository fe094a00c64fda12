using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"Macy 's", "Miller's": a name whose "'s" ends the phrase is a business named in the possessive.</summary>
public class PossessiveNamesTests
{
    [Theory]
    [InlineData("Thalhimer 's became Hecht 's in 1992 , which became Macy 's in 2006 .", "Hecht", "Hecht 's")]
    [InlineData("The band played often at Miller's , the bar in Charlottesville .", "Miller", "Miller's")]
    [InlineData("The mall opened in 1979 with Ivey 's and Hudson Belk as anchors .", "Ivey", "Ivey 's")]
    [InlineData("Dillard 's was added a year later .", "Dillard", "Dillard 's")]
    [InlineData("Stores such as Macy 's , Dillard 's and Hecht 's closed .", "Dillard", "Dillard 's")]
    public void A_name_whose_possessive_ends_the_phrase_becomes_an_organization_with_its_s(string article, string name, string expected)
    {
        var mentions = new List<EntityMention> { Mention(name, article, EntityCategories.Person) };

        var result = PossessiveNames.Apply(mentions, article);

        var widened = Assert.Single(result);
        Assert.Equal((expected, EntityCategories.Organization), (widened.Text, widened.Category));
        Assert.Equal(article.IndexOf(expected, StringComparison.Ordinal), widened.Offset);
        Assert.Equal(expected.Length, widened.Length);
    }

    [Fact]
    public void The_other_possessives_of_a_possessive_name_are_the_business_too()
    {
        const string article = "The mall opened with Ivey 's and Belk . Later the original Ivey 's store closed .";
        var mentions = new List<EntityMention>
        {
            Mention("Ivey", article, EntityCategories.Person),
            Mention("Ivey", article, EntityCategories.Person, from: 40),
        };

        var result = PossessiveNames.Apply(mentions, article);

        Assert.Equal([("Ivey 's", "Organization"), ("Ivey 's", "Organization")], result.Select(m => (m.Text, m.Category)));
    }

    [Theory]
    [InlineData("Bush 's , Blair 's and Chirac 's policies differ .", "Bush", EntityCategories.Person)]
    [InlineData("Bush 's and Blair 's plans differ .", "Bush", EntityCategories.Person)]
    [InlineData("Its debt is half the size of Italy 's .", "Italy", EntityCategories.Location)]
    [InlineData("Obama 's in trouble again .", "Obama", EntityCategories.Person)]
    [InlineData("Bands, including Rudy Vallee 's in 1937 .", "Rudy Vallee", EntityCategories.Person)]
    [InlineData("Macy 's parade starts at noon .", "Macy", EntityCategories.Organization)]
    [InlineData("They met at Schlegel 's . Friedrich Schlegel wrote it .", "Schlegel", EntityCategories.Person)]
    public void A_possessive_that_shares_a_noun_a_place_a_contraction_or_a_full_name_is_left_alone(
        string article, string name, string category)
    {
        var mentions = new List<EntityMention> { Mention(name, article, category) };
        if (article.Contains("Friedrich Schlegel", StringComparison.Ordinal))
        {
            mentions.Add(Mention("Schlegel", article, category, from: article.IndexOf("Friedrich", StringComparison.Ordinal)));
        }

        var result = PossessiveNames.Apply(mentions, article);

        Assert.Equal(mentions, result);
    }
}

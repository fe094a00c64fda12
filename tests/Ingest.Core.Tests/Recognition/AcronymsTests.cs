using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"NCAA", "OPEC": an acronym typed a place is an organization, unless it is a country's; "the TAB ," untagged is one too.</summary>
public class AcronymsTests
{
    [Theory]
    [InlineData("NCAA", EntityCategories.Organization)]
    [InlineData("ILPAP", EntityCategories.Organization)]
    [InlineData("USSR", EntityCategories.Location)]
    [InlineData("UAE", EntityCategories.Location)]
    [InlineData("NYC", EntityCategories.Location)]
    [InlineData("UK", EntityCategories.Location)]
    [InlineData("U.S.", EntityCategories.Location)]
    [InlineData("Texas", EntityCategories.Location)]
    [InlineData("ACCORDING", EntityCategories.Location)]
    public void An_acronym_typed_location_becomes_an_organization_unless_it_names_a_country_or_is_no_acronym(string name, string expected)
    {
        var article = $"He played in {name} for years.";

        var result = Acronyms.Apply([Mention(name, article, EntityCategories.Location)], article, TextTokenizer.Tokenize(article));

        Assert.Equal(expected, Assert.Single(result).Category);
    }

    [Fact]
    public void An_untagged_acronym_after_the_that_ends_its_phrase_is_added_as_an_organization()
    {
        const string article = "In conjunction with the TAB , it won . He coached the Canucks of the PCHL . He was the NHL 's top scorer . "
            + "The MAAA and the club split .";
        var mentions = new List<EntityMention> { Mention("Canucks", article, EntityCategories.Organization) };

        var result = Acronyms.Apply(mentions, article, TextTokenizer.Tokenize(article));

        Assert.Equal(
            [("TAB", "Organization"), ("Canucks", "Organization"), ("PCHL", "Organization"), ("NHL", "Organization"), ("MAAA", "Organization")],
            result.Select(m => (m.Text, m.Category)));
        Assert.Equal(article.IndexOf("TAB", StringComparison.Ordinal), result[0].Offset);
    }

    [Theory]
    [InlineData("The smaller RPO compartment was rebuilt .")]
    [InlineData("Troops left the USSR , then Poland .")]
    [InlineData("The GDP in Germany grew .")]
    [InlineData("He signed with a TAB , then left .")]
    [InlineData("The NHL season ended .")]
    public void An_acronym_before_a_noun_a_countrys_a_common_nouns_or_one_without_the_is_not_added(string article)
    {
        var result = Acronyms.Apply([], article, TextTokenizer.Tokenize(article));

        Assert.Empty(result);
    }

    [Fact]
    public void An_acronym_the_tagger_found_is_not_added_twice()
    {
        const string article = "The rights went to the TAB .";
        var mentions = new List<EntityMention> { Mention("TAB", article, EntityCategories.Organization) };

        var result = Acronyms.Apply(mentions, article, TextTokenizer.Tokenize(article));

        Assert.Equal(mentions, result);
    }
}

using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"NCAA", "OPEC": an acronym typed a place is an organization, unless it is a country's.</summary>
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

        var result = Acronyms.Apply([Mention(name, article, EntityCategories.Location)]);

        Assert.Equal(expected, Assert.Single(result).Category);
    }
}

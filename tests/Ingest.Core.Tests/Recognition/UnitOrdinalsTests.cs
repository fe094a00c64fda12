using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"The 139th fought …": a unit called by its ordinal, as the subject, at least twice in the article.</summary>
public class UnitOrdinalsTests
{
    [Fact]
    public void An_ordinal_that_is_the_subject_twice_names_a_unit_each_time()
    {
        const string article = "The 65th also controlled two squadrons . In 1985 , the 65th assumed the task near Boston .";
        var mentions = new List<EntityMention> { Mention("Boston", article, EntityCategories.Location) };

        var result = UnitOrdinals.Apply(mentions, article, TextTokenizer.Tokenize(article));

        Assert.Equal(
            [("65th", "Organization", 4), ("65th", "Organization", article.IndexOf("the 65th", StringComparison.Ordinal) + 4),
                ("Boston", "Location", article.IndexOf("Boston", StringComparison.Ordinal))],
            result.Select(m => (m.Text, m.Category, m.Offset)));
    }

    [Theory]
    [InlineData("Egypt had the 44th confirmed case of bird flu .")]
    [InlineData("The 20th century saw two wars . In the 20th century trade grew .")]
    [InlineData("The 82nd Airborne landed . Then the 82nd Airborne moved on .")]
    [InlineData("The 65th wing was formed . The 12th fought on .")]
    public void One_occurrence_an_ordinal_before_a_noun_or_different_ordinals_name_no_unit(string article)
    {
        var result = UnitOrdinals.Apply([], article, TextTokenizer.Tokenize(article));

        Assert.Empty(result);
    }

    [Fact]
    public void A_number_right_before_a_units_name_is_part_of_it()
    {
        const string article = "Redesignated 65 Air Division on 17 April 1952 , it joined the 111th Fighter Wing and the Blue Division .";
        var mentions = new List<EntityMention>
        {
            Mention("Air Division", article, EntityCategories.Organization),
            Mention("Fighter Wing", article, EntityCategories.Organization),
            Mention("Blue Division", article, EntityCategories.Organization),
        };

        var result = UnitOrdinals.Apply(mentions, article, TextTokenizer.Tokenize(article));

        Assert.Equal(
            [("65 Air Division", article.IndexOf("65 Air", StringComparison.Ordinal)), ("111th Fighter Wing", article.IndexOf("111th", StringComparison.Ordinal)),
                ("Blue Division", article.IndexOf("Blue", StringComparison.Ordinal))],
            result.Select(m => (m.Text, m.Offset)));
    }

    [Theory]
    [InlineData("In 1952 Air Division staff moved .", "Air Division", "Organization")]
    [InlineData("About 12,000 Army Group soldiers left .", "Army Group", "Organization")]
    [InlineData("He flew 3 Air Division sorties .", "Air Division", "Location")]
    [InlineData("The 3 Fighter Squadrons arrived .", "Fighter Squadrons", "Organization")]
    public void A_year_a_larger_number_another_category_or_another_head_is_left_alone(string article, string name, string category)
    {
        var mentions = new List<EntityMention> { Mention(name, article, category) };

        var result = UnitOrdinals.Apply(mentions, article, TextTokenizer.Tokenize(article));

        Assert.Equal(mentions, result);
    }
}

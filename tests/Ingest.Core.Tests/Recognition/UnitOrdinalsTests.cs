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
}

using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Recognition.Offline.Training;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"Boston Braves", "Ottawa 67s": a town followed by a common plural names a team, not a place.</summary>
public class TeamNamesTests
{
    /// <summary>Unlabeled text in which the singulars are ordinary lower-case words.</summary>
    private static readonly WordLexicon Lexicon = WordLexiconBuilder.Build(
        Enumerable.Repeat<IReadOnlyList<string>>(["The", "brave", "cat", "sun", "island", "state", "shield"], 6).ToList(), seed: 1);

    [Theory]
    [InlineData("Boston Braves")]
    [InlineData("Sacramento River Cats")]
    [InlineData("Jacksonville Suns")]
    [InlineData("Ottawa 67s")]
    public void A_place_followed_by_a_common_plural_is_a_team(string name)
    {
        var article = $"He pitched against the {name} at home.";
        var mentions = new List<EntityMention> { Mention(name, article, EntityCategories.Location) };

        var result = TeamNames.Apply(mentions, Lexicon);

        Assert.Equal(EntityCategories.Organization, Assert.Single(result).Category);
    }

    [Theory]
    [InlineData("Virgin Islands", EntityCategories.Location)]
    [InlineData("United States", EntityCategories.Location)]
    [InlineData("Golan Heights", EntityCategories.Location)]
    [InlineData("North Shields", EntityCategories.Location)]
    [InlineData("Los Angeles", EntityCategories.Location)]
    [InlineData("Buenos Aires", EntityCategories.Location)]
    [InlineData("Braves", EntityCategories.Location)]
    [InlineData("Ben Suns", EntityCategories.Person)]
    public void Place_plurals_names_ending_in_s_one_word_and_other_categories_are_left_alone(string name, string category)
    {
        var article = $"They flew to {name} in May.";
        var mentions = new List<EntityMention> { Mention(name, article, category) };

        var result = TeamNames.Apply(mentions, Lexicon);

        Assert.Equal(mentions, result);
    }
}

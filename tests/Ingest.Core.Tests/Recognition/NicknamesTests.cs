using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>"William Mailes " Cowboy " Cowley": a quoted nickname between given names and surname is part of the name.</summary>
public class NicknamesTests
{
    [Theory]
    [InlineData("William Mailes")]
    [InlineData("William Mailes \" Cowboy")]
    [InlineData("Cowley")]
    public void A_person_found_in_a_name_with_a_quoted_nickname_becomes_the_whole_name(string found)
    {
        const string article = "William Mailes \" Cowboy \" Cowley was a hockey center from Bristol .";
        var mentions = new List<EntityMention>
        {
            Mention(found, article, EntityCategories.Person),
            Mention("Bristol", article, EntityCategories.Location),
        };

        var result = ArticleMentions.Run((m, text, tokens, sentences, _) => Nicknames.Apply(m, text, tokens, sentences), article, mentions);

        Assert.Equal(
            [("William Mailes \" Cowboy \" Cowley", "Person", 0), ("Bristol", "Location", article.IndexOf("Bristol", StringComparison.Ordinal))],
            result.Select(m => (m.Text, m.Category, m.Offset)));
    }

    [Theory]
    [InlineData("The band \" Squirrel \" Budjana formed was popular .", "Budjana", EntityCategories.Person)]
    [InlineData("He joined Radio \" Hits \" Perth in 1990 .", "Perth", EntityCategories.Location)]
    [InlineData("She said \" Thank you \" to Obama .", "Obama", EntityCategories.Person)]
    public void Quotes_not_between_names_or_around_another_category_change_nothing(string article, string name, string category)
    {
        var mentions = new List<EntityMention> { Mention(name, article, category) };

        var result = ArticleMentions.Run((m, text, tokens, sentences, _) => Nicknames.Apply(m, text, tokens, sentences), article, mentions);

        Assert.Equal(mentions, result);
    }
}

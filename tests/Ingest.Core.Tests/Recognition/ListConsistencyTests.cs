using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;
using static Ingest.Core.Tests.Recognition.ArticleMentions;

namespace Ingest.Core.Tests.Recognition;

/// <summary>The items of a list are of one kind: the one odd item of a list of four or more takes the others' category.</summary>
public class ListConsistencyTests
{
    private static List<EntityMention> Mentions(string article, params (string Text, string Category)[] items)
    {
        var from = 0;
        var mentions = new List<EntityMention>();
        foreach (var (text, category) in items)
        {
            var mention = Mention(text, article, category, from);
            mentions.Add(mention);
            from = mention.Offset + mention.Length;
        }
        return mentions;
    }

    [Fact]
    public void The_odd_item_of_a_list_takes_the_category_of_the_rest()
    {
        const string article = "They included Karol Balinski , Teofil Lenartowicz , Franciszek Mickiewicz and Eweryst Estkowski in 1848.";
        var mentions = Mentions(article,
            ("Karol Balinski", EntityCategories.Person), ("Teofil Lenartowicz", EntityCategories.Person),
            ("Franciszek Mickiewicz", EntityCategories.Person), ("Eweryst Estkowski", EntityCategories.Organization));

        var result = ListConsistency.Apply(mentions, article);

        Assert.All(result, m => Assert.Equal(EntityCategories.Person, m.Category));
        Assert.Equal(mentions.Select(m => (m.Offset, m.Length)), result.Select(m => (m.Offset, m.Length)));
    }

    [Theory]
    // Two odd items: the list may really be mixed.
    [InlineData("Stars such as Justin Timberlake , Gwen Stefani , Linkin Park and Avenged Sevenfold came.", 2)]
    // Three items are too few to outvote one.
    [InlineData("Stars such as Justin Timberlake , Gwen Stefani and Avenged Sevenfold came.", 1)]
    // Not one list: "in France ;" stands between the names.
    [InlineData("Names : Justin Timberlake , Gwen Stefani in France ; Linkin Park , Avenged Sevenfold here.", 1)]
    public void Mixed_short_or_broken_lists_are_left_alone(string article, int organizations)
    {
        var names = new[] { "Justin Timberlake", "Gwen Stefani", "Linkin Park", "Avenged Sevenfold" }.Where(n => article.Contains(n, StringComparison.Ordinal)).ToList();
        var mentions = Mentions(article, names.Select((n, k) => (n, k >= names.Count - organizations ? EntityCategories.Organization : EntityCategories.Person)).ToArray());

        var result = ListConsistency.Apply(mentions, article);

        Assert.Equal(mentions, result);
    }

    [Fact]
    public void Overlapping_mentions_are_no_list_and_do_not_throw()
    {
        const string article = "Ann Lee , Bo Chan , Cy Diaz and Di Eng met.";
        var mentions = Mentions(article,
            ("Ann Lee", EntityCategories.Person), ("Bo Chan", EntityCategories.Person), ("Cy Diaz", EntityCategories.Person), ("Di Eng", EntityCategories.Organization));
        mentions.Insert(1, Mention("Lee", article, EntityCategories.Location));

        Assert.Equal(mentions, ListConsistency.Apply(mentions, article)); // "Lee" breaks the list; three items are left
        Assert.Equal(mentions, PlaceQualifiers.Apply(mentions, article));
    }
}

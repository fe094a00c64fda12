using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class MentionGrouperTests
{
    /// <summary>Mentions for each (surface text, category) found in order in the text.</summary>
    private static List<EntityMention> MentionsIn(string text, params (string Text, string Category)[] found)
    {
        var mentions = new List<EntityMention>();
        var from = 0;
        foreach (var (surface, category) in found)
        {
            var offset = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(offset >= 0, $"'{surface}' is not in the text after {from}");
            mentions.Add(new EntityMention { Text = surface, Category = category, Offset = offset, Length = surface.Length });
            from = offset + surface.Length;
        }
        return mentions;
    }

    private static string Canonical(IReadOnlyList<EntityMention> grouped, string surface) =>
        grouped.First(m => m.Text == surface).Canonical!;

    [Fact]
    public void Full_name_surname_and_titled_surname_are_one_person()
    {
        const string text = "Antony Blinken landed in Cairo. Blinken met officials. Mr. Blinken left on Friday.";
        var (grouped, summary) = MentionGrouper.Group(MentionsIn(text,
            ("Antony Blinken", EntityCategories.Person), ("Cairo", EntityCategories.Location),
            ("Blinken", EntityCategories.Person), ("Mr. Blinken", EntityCategories.Person)));

        Assert.All(grouped.Where(m => m.Category == EntityCategories.Person), m => Assert.Equal("Antony Blinken", m.Canonical));
        Assert.Equal(new EntitySummaryItem { Canonical = "Antony Blinken", Category = EntityCategories.Person, Mentions = 3 }, summary[0]);
        Assert.Equal(2, summary.Count);
    }

    [Fact]
    public void A_surname_joins_the_nearest_full_name_before_it_when_two_people_share_it()
    {
        const string text = "Laura Vance spoke first. Later Tom Vance arrived, and Vance said little.";
        var (grouped, _) = MentionGrouper.Group(MentionsIn(text,
            ("Laura Vance", EntityCategories.Person), ("Tom Vance", EntityCategories.Person), ("Vance", EntityCategories.Person)));

        Assert.Equal("Tom Vance", grouped[2].Canonical);
    }

    [Fact]
    public void An_abbreviation_defined_in_parentheses_joins_its_long_form_and_category()
    {
        const string text = "The Chinese Communist Party (CCP) met. Analysts said the CCP would decide.";
        var mentions = MentionsIn(text,
            ("Chinese Communist Party", EntityCategories.Organization), ("CCP", EntityCategories.Location), ("CCP", EntityCategories.Organization));
        var (grouped, summary) = MentionGrouper.Group(mentions, text);

        Assert.All(grouped, m => Assert.Equal("Chinese Communist Party", m.Canonical));
        Assert.All(grouped, m => Assert.Equal(EntityCategories.Organization, m.Category));
        Assert.Single(summary);
        Assert.Equal(3, summary[0].Mentions);
    }

    [Fact]
    public void A_definition_in_parentheses_need_not_spell_the_initials_but_must_start_alike()
    {
        const string text = "Officials of the Islamic State group (IS) and of Hamas (HMS) were named.";
        var (grouped, _) = MentionGrouper.Group(MentionsIn(text,
            ("Islamic State group", EntityCategories.Organization), ("IS", EntityCategories.Organization),
            ("Hamas", EntityCategories.Organization), ("HMS", EntityCategories.Organization)), text);

        Assert.Equal("Islamic State group", Canonical(grouped, "IS"));
        Assert.Equal("Hamas", Canonical(grouped, "HMS"));
    }

    [Fact]
    public void Without_the_text_an_abbreviation_still_joins_a_long_form_whose_initials_it_spells()
    {
        const string text = "The World Health Organization warned. The WHO also said the U.S. and the United States agree.";
        var (grouped, _) = MentionGrouper.Group(MentionsIn(text,
            ("World Health Organization", EntityCategories.Organization), ("WHO", EntityCategories.Organization),
            ("U.S.", EntityCategories.Location), ("United States", EntityCategories.Location)));

        Assert.Equal("World Health Organization", Canonical(grouped, "WHO"));
        Assert.Equal("United States", Canonical(grouped, "U.S."));
    }

    [Fact]
    public void A_name_one_letter_off_joins_the_spelling_the_article_uses_more()
    {
        const string text = "Navalnyy was jailed. Navalny appealed. Navalny lost. Kremlin critics backed Navalny.";
        var (grouped, summary) = MentionGrouper.Group(MentionsIn(text,
            ("Navalnyy", EntityCategories.Person), ("Navalny", EntityCategories.Person),
            ("Navalny", EntityCategories.Person), ("Navalny", EntityCategories.Person)));

        Assert.All(grouped, m => Assert.Equal("Navalny", m.Canonical));
        Assert.Equal(4, Assert.Single(summary).Mentions);
    }

    [Fact]
    public void Short_names_one_letter_apart_stay_separate()
    {
        const string text = "Iran and Iraq signed a deal.";
        var (_, summary) = MentionGrouper.Group(MentionsIn(text, ("Iran", EntityCategories.Location), ("Iraq", EntityCategories.Location)));
        Assert.Equal(2, summary.Count);
    }

    [Theory]
    [InlineData("Blinken", "Blinkin", true)]
    [InlineData("Blinken", "Blniken", true)]
    [InlineData("Blinken", "Blinkens", true)]
    [InlineData("Blinken", "linken", true)]
    [InlineData("Blinken", "BLINKEN", false)]
    [InlineData("Blinken", "Blinkenss", false)]
    [InlineData("Blinken", "Bliinkan", false)]
    public void One_edit_apart_means_exactly_one_edit(string a, string b, bool expected)
    {
        Assert.Equal(expected, MentionGrouper.IsOneEditApart(a, b));
        Assert.Equal(expected, MentionGrouper.IsOneEditApart(b, a));
    }

    [Fact]
    public void Titles_are_only_stripped_from_people()
    {
        const string text = "The State Department and Secretary of State Ana Ruiz spoke.";
        var (grouped, _) = MentionGrouper.Group(MentionsIn(text,
            ("State Department", EntityCategories.Organization), ("Secretary of State Ana Ruiz", EntityCategories.Person)));

        Assert.Equal("State Department", grouped[0].Canonical);
        Assert.Equal("Ana Ruiz", grouped[1].Canonical);
    }

    [Fact]
    public void A_canonical_set_by_the_recognizer_is_kept()
    {
        var mention = new EntityMention { Text = "NYC", Category = EntityCategories.Location, Offset = 0, Length = 3, Canonical = "New York City" };
        var (grouped, _) = MentionGrouper.Group([mention]);
        Assert.Equal("New York City", grouped[0].Canonical);
    }
}

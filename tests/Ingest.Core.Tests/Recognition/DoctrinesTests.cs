using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>Religions and doctrines are not people, places or organizations.</summary>
public class DoctrinesTests
{
    [Theory]
    [InlineData("Catholicism", true)]
    [InlineData("Judaism", true)]
    [InlineData("Christianity", true)]
    [InlineData("Islam", false)] // no suffix to tell; left to the tagger
    [InlineData("Prism", false)] // too short to be "-ism" on a stem
    [InlineData("tourism", false)] // lower case is no name anyway
    public void A_capitalized_ism_word_is_a_doctrine(string word, bool expected)
    {
        Assert.Equal(expected, Doctrines.IsDoctrine(word));
    }

    [Fact]
    public void The_recognizer_reports_no_doctrine_as_an_entity()
    {
        const string text = "In 1808 , Friedrich and Dorothea converted to Catholicism . Her son Philipp was a convert to Catholicism too .";

        var mentions = new OfflineEntityRecognizer().Tag(text);

        Assert.DoesNotContain(mentions, m => m.Text == "Catholicism");
        Assert.Contains(mentions, m => m.Text == "Friedrich");
    }
    [Theory]
    [InlineData("Prussian", "partition", true)]
    [InlineData("Togolese", "authorities", true)]
    [InlineData("Flemish", "towns", true)]
    [InlineData("Prussian", "Army", false)] // part of a longer name
    [InlineData("Prussian", ".", false)]
    [InlineData("Persia", "was", false)]
    [InlineData("Asian", "markets", false)] // too short to tell from a name
    public void A_people_adjective_is_an_ian_ese_or_ish_word_before_a_lower_case_word(string word, string next, bool expected)
    {
        Assert.Equal(expected, Doctrines.IsPeopleAdjective(word, next));
    }

    [Fact]
    public void The_recognizer_reports_no_place_for_a_people_adjective_but_keeps_people_named_so()
    {
        const string text = "She spent her life in the Prussian partition , near Poznan . Adrian said the Victorian canopies survived .";

        var mentions = new OfflineEntityRecognizer().Tag(text);

        Assert.DoesNotContain(mentions, m => m.Text is "Prussian" or "Victorian");
        Assert.Contains(mentions, m => m.Text == "Poznan");
    }
}

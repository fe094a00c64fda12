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
}

using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

/// <summary>Titles are cut off the start of a person's mention; an honorific makes a mention a person.</summary>
public class LeadingTitlesTests
{
    private static (string Text, string? Category) Trim(string mention, string category)
    {
        var tokens = TextTokenizer.Tokenize(mention);
        string? result = category;
        var first = LeadingTitles.FirstNameToken(mention, tokens, 0, 0, tokens.Count, ref result);
        return (mention[tokens[first].Start..], result);
    }

    [Theory]
    [InlineData("Dr Sue Black", "Person", "Sue Black", "Person")]
    [InlineData("Lt. Gen. Jubal Early", "Person", "Jubal Early", "Person")]
    [InlineData("Sir George Alan Thomas", "Person", "George Alan Thomas", "Person")]
    [InlineData("Professor Calabi", "Organization", "Calabi", "Person")]
    [InlineData("Colonel Baltasar Cárdenas", "Location", "Baltasar Cárdenas", "Person")]
    [InlineData("General Motors", "Organization", "General Motors", "Organization")]
    [InlineData("King County", "Location", "King County", "Location")]
    [InlineData("President", "Person", "President", "Person")]
    [InlineData("Maria Lindqvist", "Person", "Maria Lindqvist", "Person")]
    [InlineData("the Netherlands", "Location", "Netherlands", "Location")]
    [InlineData("The Hague", "Location", "The Hague", "Location")]
    public void Cuts_titles_and_retypes_honorifics(string mention, string category, string expectedText, string expectedCategory)
    {
        Assert.Equal((expectedText, expectedCategory), Trim(mention, category));
    }

    [Theory]
    [InlineData("Dr. Don Wright will join", "Don", "Organization", "Person")]
    [InlineData("Fr Francisco Sousa wrote", "Francisco", "Location", "Person")]
    [InlineData("Mr. Musharraf said", "Musharraf", "Location", "Location")] // GMB's labels; see HonorificsBeforeMention
    [InlineData("the dr. Sue Black case", "Sue", "Organization", "Organization")] // a lower-case word is not a title
    public void An_honorific_right_before_a_mention_makes_it_a_person(string sentence, string firstWord, string category, string expectedCategory)
    {
        var tokens = TextTokenizer.Tokenize(sentence);
        var first = tokens.FindIndex(t => sentence.AsSpan(t.Start, t.Length).SequenceEqual(firstWord));
        string? result = category;

        LeadingTitles.FirstNameToken(sentence, tokens, 0, first, first + 2, ref result);

        Assert.Equal(expectedCategory, result);
    }

    [Fact]
    public async Task The_recognizer_reports_people_without_their_titles()
    {
        const string text = "Dr Sue Black spoke in London on Monday. Professor Amos Frumkin and Coach Darrell Royal listened.";

        var mentions = (await new OfflineEntityRecognizer().RecognizeAsync(text, "en", CancellationToken.None)).Entities;

        var people = mentions.Where(m => m.Category == EntityCategories.Person).Select(m => m.Text).ToList();
        Assert.Contains("Sue Black", people);
        Assert.Contains("Amos Frumkin", people);
        Assert.Contains("Darrell Royal", people);
        Assert.DoesNotContain(mentions, m => m.Text.StartsWith("Dr ", StringComparison.Ordinal) || m.Text.StartsWith("Professor", StringComparison.Ordinal)
            || m.Text.StartsWith("Coach", StringComparison.Ordinal));
    }
}

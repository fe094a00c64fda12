using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class OfflineEntityRecognizerTests
{
    // One recognizer for the class: loading the embedded model once is what production does too.
    private static readonly OfflineEntityRecognizer Recognizer = new();

    private static async Task<IReadOnlyList<EntityMention>> Recognize(string text) =>
        (await Recognizer.RecognizeAsync(text, "en", CancellationToken.None)).Entities;

    private static void AssertFound(IReadOnlyList<EntityMention> mentions, string text, string category) =>
        Assert.Contains(mentions, m => m.Text == text && m.Category == category);

    [Fact]
    public async Task Finds_people_places_and_organisations_in_news_sentences()
    {
        var mentions = await Recognize(
            "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Tuesday.\n" +
            "The World Health Organization said the outbreak in Nigeria was under control.\n" +
            "Officials from the European Union will travel to Kenya next week, a spokesman for the United Nations said.");

        AssertFound(mentions, "Angela Merkel", EntityCategories.Person);
        AssertFound(mentions, "Emmanuel Macron", EntityCategories.Person);
        AssertFound(mentions, "Berlin", EntityCategories.Location);
        AssertFound(mentions, "World Health Organization", EntityCategories.Organization);
        AssertFound(mentions, "Nigeria", EntityCategories.Location);
        AssertFound(mentions, "European Union", EntityCategories.Organization);
        AssertFound(mentions, "Kenya", EntityCategories.Location);
        AssertFound(mentions, "United Nations", EntityCategories.Organization);
        Assert.DoesNotContain(mentions, m => m.Text is "German" or "French");
    }

    [Fact]
    public async Task Mentions_point_at_their_text_and_carry_a_probability()
    {
        const string text = "\U0001F4F0 Update:\r\nPrime Minister Narendra Modi arrived in Tokyo.";
        var mentions = await Recognize(text);

        Assert.NotEmpty(mentions);
        Assert.All(mentions, m =>
        {
            Assert.Equal(m.Text, text.Substring(m.Offset, m.Length));
            Assert.InRange(m.Confidence, 0.0, 1.0);
        });
        AssertFound(mentions, "Narendra Modi", EntityCategories.Person);
        AssertFound(mentions, "Tokyo", EntityCategories.Location);
    }

    [Fact]
    public async Task A_title_case_headline_does_not_turn_every_word_into_a_name()
    {
        var mentions = await Recognize("Storm Batters Coastal Towns As Lisbon Prepares For Floods\nAngela Merkel Meets Xi Jinping In Beijing");

        AssertFound(mentions, "Lisbon", EntityCategories.Location);
        AssertFound(mentions, "Angela Merkel", EntityCategories.Person);
        AssertFound(mentions, "Beijing", EntityCategories.Location);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Storm") || m.Text.Contains("Towns") || m.Text.Contains("Meets"));
    }

    [Theory]
    [InlineData("Storm Batters Coastal Towns As Lisbon Prepares", true)]
    [InlineData("FLOODS HIT THE COAST", true)]
    [InlineData("Barack Obama met Angela Merkel in Berlin", false)]
    [InlineData("Paris Wins", false)]
    [InlineData("Members Were Jared Leto And Shannon Leto.", false)]
    public void Headlines_are_lines_whose_every_significant_word_is_capitalized(string line, bool expected)
    {
        var tokens = TextTokenizer.Tokenize(line);
        Assert.Equal(expected, HeadlineCasing.IsHeadline(line, tokens, new SentenceSpan(0, tokens.Count)));
    }

    [Fact]
    public async Task Reports_its_name_and_the_model_version()
    {
        var result = await Recognizer.RecognizeAsync("Nothing here.", "en", CancellationToken.None);
        Assert.Equal(OfflineEntityRecognizer.RecognizerName, result.Recognizer.Name);
        Assert.Equal(Recognizer.Model.Version, result.Recognizer.Version);
        Assert.False(string.IsNullOrEmpty(result.Recognizer.Version));
    }

    [Fact]
    public async Task Text_in_another_language_gets_only_the_pattern_rules()
    {
        var result = await Recognizer.RecognizeAsync("Angela Merkel schrieb an info@example.org.", "de", CancellationToken.None);
        Assert.All(result.Entities, m => Assert.Equal(EntityCategories.Email, m.Category));
        Assert.Single(result.Entities);
    }

    [Fact]
    public async Task Concurrent_calls_give_the_same_answers_as_sequential_ones()
    {
        string[] texts =
        [
            "Pope Francis travelled to Lisbon, where Portuguese President Marcelo Rebelo de Sousa greeted him.",
            "Shares of Toyota fell after the company recalled 40,000 cars in Canada.",
            "The Red Cross sent aid to Haiti and the Dominican Republic.",
            "Senator Maria Gomez of Texas questioned the head of NASA about the Artemis budget.",
        ];
        var expected = new List<string>();
        foreach (var text in texts)
        {
            expected.Add(Describe(await Recognize(text)));
        }

        var fresh = new OfflineEntityRecognizer();
        var runs = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            var text = texts[i % texts.Length];
            return (Index: i % texts.Length, Found: Describe((await fresh.RecognizeAsync(text, "en", CancellationToken.None)).Entities));
        }));
        foreach (var (index, found) in await Task.WhenAll(runs))
        {
            Assert.Equal(expected[index], found);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("...")]
    public async Task Text_without_words_has_no_entities(string text)
    {
        Assert.Empty(await Recognize(text));
    }

    [Fact]
    public async Task Pattern_entities_and_names_come_together_in_text_order()
    {
        const string text = "On March 3, 2025 Maria Santos of Oxfam wrote to press@oxfam.org about 2,500 families in Haiti.";
        var mentions = await Recognize(text);

        Assert.Equal(mentions.OrderBy(m => m.Offset).Select(m => m.Offset), mentions.Select(m => m.Offset));
        AssertFound(mentions, "March 3, 2025", EntityCategories.DateTime);
        AssertFound(mentions, "Maria Santos", EntityCategories.Person);
        AssertFound(mentions, "press@oxfam.org", EntityCategories.Email);
        AssertFound(mentions, "Haiti", EntityCategories.Location);
        Assert.DoesNotContain(mentions, m => m.Category != EntityCategories.Email && m.Text.Contains("oxfam.org"));
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var task = Recognizer.RecognizeAsync("Paris is in France.", "en", cancelled.Token);
        Assert.True(task.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    private static string Describe(IReadOnlyList<EntityMention> mentions) =>
        string.Join("|", mentions.Select(m => $"{m.Offset}:{m.Length}:{m.Category}:{m.Confidence}"));
}

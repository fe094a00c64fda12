using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = TextTokenizer.Tokenize(text);
        return SentenceSplitter.Split(text, tokens)
            .Select(s => text[tokens[s.First].Start..tokens[s.First + s.Count - 1].End])
            .ToArray();
    }

    [Fact]
    public void Ends_sentences_at_terminal_punctuation_but_not_after_abbreviations()
    {
        Assert.Equal(
            ["Dr. Lindqvist met Mr. Osei in St. Paul on Monday.", "They talked for an hour!", "Why?"],
            Sentences("Dr. Lindqvist met Mr. Osei in St. Paul on Monday. They talked for an hour! Why?"));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Assert.Equal(["\"We will rebuild.\"", "The mayor left."], Sentences("\"We will rebuild.\" The mayor left."));
    }

    [Fact]
    public void A_period_followed_by_lower_case_does_not_end_a_sentence()
    {
        Assert.Single(Sentences("The rate rose to 3 p.c. and then fell ... slowly."));
    }

    [Fact]
    public void Every_line_break_ends_a_sentence_so_a_title_stands_alone()
    {
        Assert.Equal(["Floods hit the coast", "Rain fell all week."], Sentences("Floods hit the coast\r\nRain fell all week."));
    }
}

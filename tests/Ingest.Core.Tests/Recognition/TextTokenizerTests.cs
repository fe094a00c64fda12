using Ingest.Core.Recognition.Offline;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class TextTokenizerTests
{
    private static string[] Words(string text) => TextTokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)).ToArray();

    [Fact]
    public void Splits_words_and_punctuation_keeping_abbreviations_numbers_and_hyphenated_names_whole()
    {
        Assert.Equal(
            ["Mr.", "Okafor", "paid", "$", "1,250.75", "to", "the", "U.S.", "branch", "of", "Brill-Haven", "Ltd."],
            Words("Mr. Okafor paid $1,250.75 to the U.S. branch of Brill-Haven Ltd."));
    }

    [Fact]
    public void A_hyphenated_compound_after_an_abbreviation_stays_one_word_like_any_other_compound()
    {
        Assert.Equal(["U.S.-led", "forces", "and", "London-based", "U.N.-backed", "groups"], Words("U.S.-led forces and London-based U.N.-backed groups"));
        Assert.Equal(["the", "U.S.", "-", "and"], Words("the U.S. - and"));
        Assert.Equal(["in", "the", "U.S.", "."], Words("in the U.S.."));
    }

    [Fact]
    public void Splits_off_a_possessive_but_keeps_inner_apostrophes()
    {
        Assert.Equal(["Norway", "'s", "O'Neill", "didn't", "go", "."], Words("Norway's O'Neill didn't go."));
        Assert.Equal(["Kenya", "\u2019s"], Words("Kenya\u2019s"));
    }

    [Fact]
    public void A_plain_word_before_a_period_does_not_take_it()
    {
        Assert.Equal(["It", "rained", "."], Words("It rained."));
    }

    [Fact]
    public void Offsets_are_utf16_and_never_split_a_surrogate_pair()
    {
        const string text = "Hi \U0001F600 Zo\u00EB\r\nand \U0001D400bc.";
        var tokens = TextTokenizer.Tokenize(text);
        Assert.Equal(["Hi", "\U0001F600", "Zo\u00EB", "and", "\U0001D400bc", "."], tokens.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Equal(3, tokens[1].Start);
        Assert.Equal(2, tokens[1].Length);
        Assert.Equal(11, tokens[3].Start);
        Assert.All(tokens, t => Assert.False(char.IsLowSurrogate(text[t.Start])));
    }

    [Fact]
    public void Whitespace_only_text_has_no_tokens()
    {
        Assert.Empty(TextTokenizer.Tokenize(" \r\n\t "));
    }
}

using Ingest.Core.Cleaning;
using Xunit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("\u212B ngstr\u00F6m", "Å ngström")]
    [InlineData("“quoted” — dash…", "“quoted” — dash…")]
    public void Composes_to_nfc_and_keeps_typography(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeInline(input));
    }

    [Fact]
    public void Collapses_spaces_drops_invisible_characters_and_keeps_line_breaks()
    {
        Assert.Equal("a b c\nd\n\ne", TextNormalizer.NormalizeLines("  a\u00A0\t b\u200B c  \r\n d\u00AD\r\n\r\n\u2003e\u0007 "));
    }

    [Theory]
    [InlineData("one two three", 3)]
    [InlineData("it's 2,000 — ok", 3)]
    [InlineData("  ", 0)]
    [InlineData("— …", 0)]
    public void Counts_words_that_hold_a_letter_or_digit(string text, int expected)
    {
        Assert.Equal(expected, TextNormalizer.CountWords(text));
    }
}

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

    /// <summary>
    /// ASCII runs are copied as blocks; these cases put spaces, invisibles and non-ASCII characters at every block
    /// edge, where a block copy could keep a space the character-by-character rules would drop, or the reverse.
    /// </summary>
    [Theory]
    [InlineData("a  b   c", "a b c")]
    [InlineData("   leading and trailing   ", "leading and trailing")]
    [InlineData("a \u200B b", "a b")]
    [InlineData("a\u200Bb", "ab")]
    [InlineData("a \u00A0 b\u00A0\u00A0c", "a b c")]
    [InlineData("caf\u00E9  au   lait \u2014  ok ", "caf\u00E9 au lait \u2014 ok")]
    [InlineData(" \u00A0 x", "x")]
    [InlineData("x \u0007 ", "x")]
    [InlineData("\u2019  quoted  \u2019", "\u2019 quoted \u2019")]
    public void Collapses_spaces_at_every_edge_of_an_ascii_run(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.NormalizeInline(input));
        Assert.Equal(expected, TextNormalizer.NormalizeLines(input));
    }

    [Fact]
    public void Line_breaks_end_pending_spaces_in_lines_mode_and_become_spaces_inline()
    {
        const string text = "first line  \r\n   second\u00A0 line \n\n third";

        Assert.Equal("first line\nsecond line\n\nthird", TextNormalizer.NormalizeLines(text));
        Assert.Equal("first line second line third", TextNormalizer.NormalizeInline(text));
    }

    [Theory]
    [InlineData("one two three", 3)]
    [InlineData("it's 2,000 — ok", 3)]
    [InlineData("  ", 0)]
    [InlineData("— …", 0)]
    [InlineData("tab\tseparated\u000Bfile\u00A0separator", 4)]
    [InlineData("naïve café, 東京", 3)]
    public void Counts_words_that_hold_a_letter_or_digit(string text, int expected)
    {
        Assert.Equal(expected, TextNormalizer.CountWords(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Vector_word_count_matches_the_per_character_definition_on_random_text(int seed)
    {
        // Pieces that exercise the block paths: words, punctuation-only runs, runs opening with punctuation that
        // cross a 32-character block, line feeds, tabs, no-break spaces, accents, dashes and another script.
        string[] pieces = ["word", " ", " ", "  ", "\n", "(AP)", "\"Quote", "—", "...", "2,000", "it's", "\t", "\u00A0",
            "café", "東京", "--", "x", "$5", "((((((((((((((((((((((((((((((((((a", "((((((((((((((((((((((((((((((((((( ", "\r\n"];
        var random = new Random(seed);
        for (var sample = 0; sample < 2000; sample++)
        {
            var builder = new System.Text.StringBuilder();
            var parts = random.Next(0, 60);
            for (var p = 0; p < parts; p++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }
            var text = builder.ToString();
            Assert.True(TextNormalizer.CountWordsScalar(text) == TextNormalizer.CountWords(text), $"text: \"{text}\"");
        }
    }

    [Fact]
    public void Counts_words_across_vector_blocks_exactly()
    {
        var words = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}"));
        var lines = string.Join('\n', Enumerable.Range(0, 40).Select(i => "\"Line " + i + ", (part) — of text.\""));

        Assert.Equal(500, TextNormalizer.CountWords(words));
        Assert.Equal(40 * 5, TextNormalizer.CountWords(lines));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Text_returned_unchanged_is_exactly_what_the_character_loop_makes_of_it(int seed)
    {
        // Mostly clean pieces, so that both the shortcut (nothing to change) and the loop are taken often.
        string[] pieces = ["word", " ", "\n", "\n", "line.", "’", "—", "café", "  ", " \n", "\n ", "\r\n", "\t", "\u00A0",
            "\u200B", "\u00AD", "\u2028", "\uFEFF", "\u0007", "\u0085", "東京", "\u3000", "\u202F", "x"];
        var random = new Random(seed);
        var unchanged = 0;
        for (var sample = 0; sample < 3000; sample++)
        {
            var builder = new System.Text.StringBuilder();
            var parts = random.Next(0, 12);
            for (var p = 0; p < parts; p++)
            {
                // Three in four pieces are plain words and single line feeds, so many samples need no change at all.
                builder.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : random.Next(3) == 0 ? "\n" : p % 2 == 0 ? "word" : "x y");
            }
            var text = builder.ToString();
            var lines = TextNormalizer.NormalizeLines(text);
            var inline = TextNormalizer.NormalizeInline(text);
            Assert.True(TextNormalizer.NormalizeCharacters(text, keepLineBreaks: true) == lines, $"lines: \"{text}\"");
            Assert.True(TextNormalizer.NormalizeCharacters(text, keepLineBreaks: false) == inline, $"inline: \"{text}\"");
            unchanged += ReferenceEquals(lines, text) ? 1 : 0;
        }
        Assert.InRange(unchanged, 300, 2700);
    }
}

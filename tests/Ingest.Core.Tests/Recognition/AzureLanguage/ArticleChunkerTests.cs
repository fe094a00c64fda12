using System.Globalization;
using Ingest.Core.Recognition.AzureLanguage;
using Xunit;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

public sealed class ArticleChunkerTests
{
    [Fact]
    public void Text_within_the_limit_is_one_chunk_and_empty_text_none()
    {
        Assert.Equal([new TextChunk(0, 11)], ArticleChunker.Split("Short text.", 5120, 100_000));
        Assert.Empty(ArticleChunker.Split("", 5120, 100_000));
    }

    [Theory]
    [InlineData("👍🏽")]          // emoji + skin-tone modifier: 4 UTF-16 units, one text element
    [InlineData("e\u0301\u0323")] // letter + two combining marks: 3 units, one text element
    [InlineData("\r\n")]          // CR LF is one text element too
    public void A_hard_cut_never_splits_a_text_element(string element)
    {
        var text = string.Concat(Enumerable.Repeat(element, 40));

        var chunks = ArticleChunker.Split(text, maxTextElements: 7, maxUtf16Length: 100_000);

        Assert.Equal(text, string.Concat(chunks.Select(c => Slice(text, c))));
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(7, TextElements(Slice(text, c))));
        Assert.All(chunks, c => Assert.Equal(0, c.Length % element.Length));
    }

    [Fact]
    public void Cuts_after_a_sentence_end_in_the_back_half_rather_than_at_a_later_space()
    {
        const string text = "One two three four. Five six seven eight nine ten";

        var chunks = ArticleChunker.Split(text, maxTextElements: 30, maxUtf16Length: 100_000);

        Assert.Equal("One two three four. ", Slice(text, chunks[0]));
    }

    [Fact]
    public void Ignores_a_sentence_end_in_the_front_half_and_cuts_at_the_last_space()
    {
        const string text = "Yes. Five six seven eight nine ten eleven twelve";

        var chunks = ArticleChunker.Split(text, maxTextElements: 30, maxUtf16Length: 100_000);

        Assert.Equal("Yes. Five six seven eight ", Slice(text, chunks[0]));
    }

    [Theory]
    [InlineData("Headline without stop\nBody words keep going on and on", "Headline without stop\n")]
    [InlineData("He said \"we go.\" Then they went home at last", "He said \"we go.\" ")]
    [InlineData("東京で会議が開かれた。 大阪でも会議が開かれる予定です", "東京で会議が開かれた。 ")]
    public void Treats_line_breaks_closing_quotes_and_CJK_full_stops_as_sentence_ends(string text, string firstChunk)
    {
        var chunks = ArticleChunker.Split(text, maxTextElements: firstChunk.Length + 6, maxUtf16Length: 100_000);

        Assert.Equal(firstChunk, Slice(text, chunks[0]));
    }

    [Fact]
    public void Cuts_after_an_ideographic_full_stop_that_no_space_follows()
    {
        const string text = "東京で会議が開かれた。大阪でも会議が開かれる予定です";

        var chunks = ArticleChunker.Split(text, maxTextElements: 14, maxUtf16Length: 100_000);

        Assert.Equal("東京で会議が開かれた。", Slice(text, chunks[0]));
    }

    [Theory]
    [InlineData("Officials said John F. Kennedy spoke there", "Officials said John F. Kennedy ")]
    [InlineData("The new clinic run by Dr. Amara Ng opened today", "The new clinic run by Dr. Amara ")]
    public void Does_not_take_a_full_stop_after_an_initial_or_title_for_a_sentence_end(string text, string firstChunk)
    {
        var chunks = ArticleChunker.Split(text, maxTextElements: firstChunk.Length + 2, maxUtf16Length: 100_000);

        Assert.Equal(firstChunk, Slice(text, chunks[0]));
    }

    [Fact]
    public void Keeps_to_the_UTF16_budget_when_text_elements_are_long()
    {
        // Twelve code units per text element: the element limit alone would allow 12 × 100 units.
        var element = "a" + new string('\u0301', 11);
        var text = string.Join(' ', Enumerable.Repeat(element, 100));

        var chunks = ArticleChunker.Split(text, maxTextElements: 100, maxUtf16Length: 200);

        Assert.Equal(text, string.Concat(chunks.Select(c => Slice(text, c))));
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 200));
    }

    [Fact]
    public void A_single_text_element_over_the_budget_still_makes_progress()
    {
        var giant = "a" + new string('\u0301', 300);

        var chunks = ArticleChunker.Split(giant + " b", maxTextElements: 100, maxUtf16Length: 50);

        Assert.Equal(giant, Slice(giant + " b", chunks[0]));
        Assert.Equal(" b", string.Concat(chunks.Skip(1).Select(c => Slice(giant + " b", c))));
    }

    private static string Slice(string text, TextChunk chunk) => text.Substring(chunk.Offset, chunk.Length);

    private static int TextElements(string text) => new StringInfo(text).LengthInTextElements;
}

using System.Text;
using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Xunit;
using static Ingest.Core.Tests.Cleaning.CleanerTestKit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class ArticleCleanerTests
{
    [Fact]
    public void Plain_text_first_line_is_the_title_and_the_rest_the_body()
    {
        var article = CleanArticle("Lighthouse keepers return to Fenwick Point\n\nThe keepers came back on Monday after a decade away.\n\nVisitors welcomed them with bread and salt.\n", "story.txt");

        Assert.Equal("Lighthouse keepers return to Fenwick Point", article.Title);
        Assert.Equal("The keepers came back on Monday after a decade away.\n\nVisitors welcomed them with bread and salt.", article.Text);
        Assert.Equal(17, article.WordCount);
    }

    [Fact]
    public void One_paragraph_per_line_files_keep_each_line_as_a_paragraph()
    {
        var article = CleanArticle("Title here\nFirst paragraph ends here.\nSecond paragraph ends here.\n", "a.txt");

        Assert.Equal("First paragraph ends here.\n\nSecond paragraph ends here.", article.Text);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_unwrapped()
    {
        var article = CleanArticle("Title here\n\nThe council met on Tuesday and\nvoted to repair the old bridge.\n\nWork starts in May.\n", "a.txt");

        Assert.Equal("The council met on Tuesday and voted to repair the old bridge.\n\nWork starts in May.", article.Text);
    }

    [Fact]
    public void Normalizes_whitespace_invisible_characters_and_unicode_form_but_keeps_typography()
    {
        // "e" + combining acute must become the precomposed "é"; the zero-width space and the control character go.
        var article = CleanArticle("Caf\u0065\u0301 news\r\n\r\n“Quoted”   text\u200B with\ttabs — and\u0007 dashes.\r\n", "a.txt");

        Assert.Equal("Café news", article.Title);
        Assert.Equal("“Quoted” text with tabs — and dashes.", article.Text);
    }

    [Fact]
    public void Cleans_an_article_with_stray_control_characters_and_removes_them()
    {
        var article = CleanArticle("Ferry\u0007 delayed\n\nThe\u0001 ferry left\u001B late.\n\nIt docked\u001A at six.\u007F", "a.txt");

        Assert.Equal("Ferry delayed", article.Title);
        Assert.Equal("The ferry left late.\n\nIt docked at six.", article.Text);
    }

    [Theory]
    [InlineData("picture.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 })]
    [InlineData("archive.txt", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00 })]
    [InlineData("paper.txt", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0xE2, 0xE3, 0xCF, 0xD3 })]
    [InlineData("nuls.txt", new byte[] { 0x42, 0x6F, 0x64, 0x79, 0x00, 0x00, 0x00, 0x00, 0x77, 0x69, 0x74, 0x68, 0x00, 0x00, 0x6E, 0x75, 0x6C, 0x73 })]
    public void Still_rejects_real_binary_input_as_binary(string name, byte[] content)
    {
        var result = new ArticleCleaner().Clean(new CleaningInput(content, name, null));

        Assert.Equal(RejectionCodes.Binary, result.Rejection?.Code);
    }

    [Fact]
    public void Rejects_a_file_whose_text_is_only_a_title_as_no_text()
    {
        var result = Clean("Just a headline\n\n", "a.txt");

        Assert.Equal(RejectionCodes.NoText, result.Rejection?.Code);
    }

    [Fact]
    public void Rejects_an_empty_file_as_empty()
    {
        var result = new ArticleCleaner().Clean(new CleaningInput(Array.Empty<byte>(), "a.txt", null));

        Assert.Equal(RejectionCodes.Empty, result.Rejection?.Code);
    }

    [Fact]
    public void Rejects_an_image_as_binary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var result = new ArticleCleaner().Clean(new CleaningInput(png, "photo.txt", null));

        Assert.Equal(RejectionCodes.Binary, result.Rejection?.Code);
    }

    [Fact]
    public void Rejects_undecodable_bytes()
    {
        byte[] bytes = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC];

        var result = new ArticleCleaner().Clean(new CleaningInput(bytes, "a.txt", null));

        Assert.Equal(RejectionCodes.Undecodable, result.Rejection?.Code);
    }

    [Fact]
    public void Reads_utf16_text_files()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Title\n\nBody text of the piece.")).ToArray();

        var result = new ArticleCleaner().Clean(new CleaningInput(bytes, "a.txt", null));

        Assert.Equal("Body text of the piece.", result.Article?.Text);
    }

    [Theory]
    [InlineData("a.json", null, "{\"title\":\"T\",\"body\":\"Body words here.\"}")]
    [InlineData("a.bin", "application/json", "{\"title\":\"T\",\"body\":\"Body words here.\"}")]
    [InlineData("noext", null, "{\"title\":\"T\",\"body\":\"Body words here.\"}")]
    [InlineData("a.html", null, "<html><head><title>T</title></head><body><article><p>Body words here.</p></article></body></html>")]
    [InlineData("noext", null, "<!DOCTYPE html><html><head><title>T</title></head><body><p>Body words here.</p></body></html>")]
    [InlineData("a.md", null, "# T\n\nBody *words* here.")]
    [InlineData("a.txt", null, "T\n\nBody words here.")]
    public void Dispatches_by_extension_then_content_type_then_content(string name, string? contentType, string content)
    {
        var result = Clean(content, name, contentType);

        Assert.False(result.IsRejected, result.Rejection?.Message);
        Assert.Equal("T", result.Article!.Title);
        Assert.Equal("Body words here.", result.Article.Text);
    }

    [Fact]
    public void Detects_the_language_of_the_text()
    {
        var english = CleanArticle("Title\n\nThe mayor said that the new park would open in the spring and that it was paid for by the city.", "a.txt");
        var german = CleanArticle("Titel\n\nDer Bürgermeister sagte, dass der neue Park im Frühling eröffnet wird und dass die Stadt ihn bezahlt hat.", "a.txt");
        var french = CleanArticle("Titre\n\nLe maire a dit que le nouveau parc ouvrira au printemps et qu'il est payé par la ville pour les habitants.", "a.txt");

        Assert.Equal("en", english.Language);
        Assert.Equal("de", german.Language);
        Assert.Equal("fr", french.Language);
    }

    [Fact]
    public void Leaves_language_unset_when_the_text_is_too_short_to_tell()
    {
        Assert.Null(CleanArticle("Title\n\nGoal!", "a.txt").Language);
    }
}

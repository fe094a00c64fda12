using Ingest.Core.Articles;
using Xunit;
using static Ingest.Core.Tests.Cleaning.CleanerTestKit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class JsonArticleTests
{
    [Fact]
    public void Reads_the_documented_fields()
    {
        var article = CleanArticle("""
            {"title": "Canal reopens to barges", "body": "The canal reopened on Friday.\n\nBarges queued at the lock.",
             "url": "https://example.org/canal", "author": "Wren Albescu", "publishedAt": "2024-04-24",
             "outlet": "Canal Times", "language": "en"}
            """, "a.json");

        Assert.Equal("Canal reopens to barges", article.Title);
        Assert.Equal("The canal reopened on Friday.\n\nBarges queued at the lock.", article.Text);
        Assert.Equal(["Wren Albescu"], article.Byline);
        Assert.Equal("2024-04-24", article.PublishedAt);
        Assert.Equal("Canal Times", article.Outlet);
        Assert.Equal("en", article.Language);
        Assert.Equal(10, article.WordCount);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("content")]
    [InlineData("articleBody")]
    public void Accepts_each_body_field_name(string field)
    {
        var article = CleanArticle($$"""{"title": "T", "{{field}}": "Body words here."}""", "a.json");

        Assert.Equal("Body words here.", article.Text);
    }

    [Fact]
    public void Reads_a_nested_article_object_with_schema_org_style_authors()
    {
        var article = CleanArticle("""
            {"source": "feed", "article": {"title": "Nested", "articleBody": "Body text of the nested article.",
             "authors": [{"name": "Ines Palomar"}, "Theo Brandt and Mila Sorensen"], "datePublished": "2024-02-03T08:30:00+01:00"}}
            """, "a.json");

        Assert.Equal("Nested", article.Title);
        Assert.Equal(["Ines Palomar", "Theo Brandt", "Mila Sorensen"], article.Byline);
        Assert.Equal("2024-02-03T08:30:00+01:00", article.PublishedAt);
    }

    [Fact]
    public void Keeps_a_date_without_zone_as_a_plain_date()
    {
        var article = CleanArticle("""{"title": "T", "body": "Body words.", "publishedAt": "2024-02-03T08:30:00"}""", "a.json");

        Assert.Equal("2024-02-03", article.PublishedAt);
    }

    [Fact]
    public void Extracts_text_from_an_html_body_with_its_paragraphs()
    {
        var article = CleanArticle("""{"title": "T", "content": "<p>First <b>bold</b> paragraph.</p><p>Second one.</p>"}""", "a.json");

        Assert.Equal("First bold paragraph.\n\nSecond one.", article.Text);
    }

    [Fact]
    public void Accepts_a_body_given_as_an_array_of_paragraphs()
    {
        var article = CleanArticle("""{"title": "T", "body": ["First paragraph.", "Second paragraph."]}""", "a.json");

        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Text);
    }

    [Fact]
    public void Reads_dateline_and_agency_from_the_body()
    {
        var article = CleanArticle("""{"title": "T", "body": "OSLO (Reuters) - The fjord froze over for the first time in decades."}""", "a.json");

        Assert.Equal("OSLO", article.Dateline);
        Assert.Equal("Reuters", article.Outlet);
        Assert.Equal("The fjord froze over for the first time in decades.", article.Text);
    }

    [Theory]
    [InlineData("{\"title\": \"T\", \"body\": \"unterminated", "not valid JSON")]
    [InlineData("[{\"title\": \"T\"}]", "root must be an object")]
    [InlineData("{\"title\": 42, \"body\": \"Body.\"}", "\"title\" must be a string, not a number")]
    [InlineData("{\"title\": \"T\", \"body\": {\"text\": \"x\"}}", "\"body\" must be a string or an array of strings, not an object")]
    [InlineData("{\"title\": \"T\", \"author\": [1, 2], \"body\": \"Body.\"}", "\"author\" must hold names")]
    [InlineData("{\"title\": \"T\", \"article\": \"not an object\"}", "\"article\" must be an object")]
    [InlineData("{\"title\": \"T\", \"url\": \"https://example.org\"}", "no article body")]
    public void Rejects_malformed_json_with_a_clear_message(string json, string messagePart)
    {
        var result = Clean(json, "a.json");

        Assert.Equal(RejectionCodes.Malformed, result.Rejection?.Code);
        Assert.Contains(messagePart, result.Rejection!.Message);
    }

    [Fact]
    public void Rejects_an_empty_body_as_no_text()
    {
        Assert.Equal(RejectionCodes.NoText, Clean("""{"title": "T", "body": "  "}""", "a.json").Rejection?.Code);
    }
}

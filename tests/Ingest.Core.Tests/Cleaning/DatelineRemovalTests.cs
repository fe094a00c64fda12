using Ingest.Core.Deduplication;
using Xunit;
using static Ingest.Core.Tests.Cleaning.CleanerTestKit;

namespace Ingest.Core.Tests.Cleaning;

/// <summary>
/// A dateline opening the body is metadata: it goes to the <c>dateline</c> field (its agency mark to the outlet)
/// and out of the text, in every input format, so copies of one wire story filed from different places clean
/// to the same body.
/// </summary>
public sealed class DatelineRemovalTests
{
    private const string Body = "The island council voted on Tuesday to keep the winter ferry running twice a day.\n\nThe vote was unanimous.";

    [Theory]
    [InlineData("WASHINGTON (Reuters) – ", "WASHINGTON", "Reuters")]
    [InlineData("TOKYO — ", "TOKYO", null)]
    [InlineData("LONDON, Jan 13 (AP) - ", "LONDON", "AP")]
    [InlineData("LONDON, England (CNN) -- ", "LONDON, England", "CNN")]
    public void Plain_text_dateline_goes_to_the_field_and_out_of_the_text(string dateline, string place, string? agency)
    {
        var article = CleanArticle($"Ferry stays\n\n{dateline}{Body}\n", "a.txt");

        Assert.Equal(Body, article.Text);
        Assert.Equal(place, article.Dateline);
        Assert.Equal(agency, article.Outlet);
    }

    [Fact]
    public void Copies_of_one_wire_story_with_different_datelines_clean_to_the_same_body_and_hash()
    {
        var copies = new[] { "WASHINGTON (Reuters) – ", "TOKYO — ", "LONDON, Jan 13 (AP) - " }
            .Select(dateline => CleanArticle($"Ferry stays\n\nBy Ada Quill\n\n{dateline}{Body}\n", "a.txt"))
            .ToList();

        Assert.All(copies, copy => Assert.Equal(Body, copy.Text));
        Assert.Single(copies.Select(copy => ContentHash.Compute(copy.Text)).Distinct());
        Assert.Equal(["WASHINGTON", "TOKYO", "LONDON"], copies.Select(copy => copy.Dateline));
    }

    [Fact]
    public void A_hard_wrapped_first_paragraph_loses_only_its_dateline()
    {
        var article = CleanArticle("Ferry stays\n\nOSLO (Reuters) - The island council voted on\nTuesday to keep the winter ferry.\n", "a.txt");

        Assert.Equal("The island council voted on Tuesday to keep the winter ferry.", article.Text);
        Assert.Equal("OSLO", article.Dateline);
    }

    [Theory]
    [InlineData("The mayor — who took office in May — said no.")]
    [InlineData("Washington - the city, not the state - is busy.")]
    [InlineData("From Monday - as announced - buses run later.")]
    public void An_ordinary_opening_stays_in_the_text(string opening)
    {
        var article = CleanArticle($"Ferry stays\n\n{opening}\n\n{Body}\n", "a.txt");

        Assert.StartsWith(opening, article.Text);
        Assert.Null(article.Dateline);
    }

    [Fact]
    public void Json_body_dateline_goes_to_the_field_and_out_of_the_text()
    {
        var article = CleanArticle("""{"title": "Ferry stays", "body": "OSLO (Reuters) - The fjord froze over for the first time in decades."}""", "a.json");

        Assert.Equal("The fjord froze over for the first time in decades.", article.Text);
        Assert.Equal("OSLO", article.Dateline);
        Assert.Equal("Reuters", article.Outlet);
    }

    [Fact]
    public void Markdown_body_dateline_goes_to_the_field_and_out_of_the_text()
    {
        var article = CleanArticle("# Ferry stays\n\nTOKYO — The fjord froze over for the first time in decades.\n", "a.md");

        Assert.Equal("The fjord froze over for the first time in decades.", article.Text);
        Assert.Equal("TOKYO", article.Dateline);
    }

    [Fact]
    public void Html_body_dateline_goes_to_the_field_and_out_of_the_text()
    {
        var article = CleanArticle("""
            <html><head><title>Ferry stays</title></head><body><article><h1>Ferry stays</h1>
            <p>OSLO (Reuters) - The island council voted on Tuesday to keep the winter ferry running twice a day, the harbour office said.</p>
            <p>The vote was unanimous, and the first winter crossing leaves the harbour at seven in the morning.</p>
            </article></body></html>
            """, "a.html");

        Assert.StartsWith("The island council voted on Tuesday", article.Text);
        Assert.Equal("OSLO", article.Dateline);
        Assert.Equal("Reuters", article.Outlet);
    }

    [Fact]
    public void Text_and_html_copies_of_one_wire_story_clean_to_the_same_body()
    {
        var text = CleanArticle("Ferry stays\n\nOSLO (Reuters) - The island council voted on Tuesday to keep the winter ferry running twice a day.\n\nThe vote was unanimous, and the first crossing leaves at seven.\n", "a.txt");
        var html = CleanArticle("""
            <html><head><title>Ferry stays</title></head><body><article><h1>Ferry stays</h1>
            <p>BERGEN (AP) — The island council voted on Tuesday to keep the winter ferry running twice a day.</p>
            <p>The vote was unanimous, and the first crossing leaves at seven.</p>
            </article></body></html>
            """, "a.html");

        Assert.Equal(text.Text, html.Text);
        Assert.Equal(ContentHash.Compute(text.Text), ContentHash.Compute(html.Text));
    }
}

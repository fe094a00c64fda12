using Xunit;
using static Ingest.Core.Tests.Cleaning.CleanerTestKit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class MarkdownArticleTests
{
    [Fact]
    public void Uses_the_first_level_one_heading_as_title_and_strips_markup()
    {
        var article = CleanArticle("""
            # Tide mill *restored*

            By Corin Ashdown

            The **tide mill** at [Saltmarsh Quay](https://example.org/quay) ground flour again on `Sunday`.

            ![The wheel](wheel.jpg)

            ## What comes next

            > Visitors can watch the wheel turn at low tide.

            - Tours on weekends.
            - School visits on Fridays.

            [quay]: https://example.org/quay
            """, "mill.md");

        Assert.Equal("Tide mill restored", article.Title);
        Assert.Equal(["Corin Ashdown"], article.Byline);
        Assert.Equal(
            "The tide mill at Saltmarsh Quay ground flour again on Sunday.\n\nWhat comes next\n\nVisitors can watch the wheel turn at low tide.\n\nTours on weekends.\n\nSchool visits on Fridays.",
            article.Text);
    }

    [Fact]
    public void Reads_title_author_and_date_from_front_matter()
    {
        var article = CleanArticle("""
            ---
            title: "Ferry strike ends"
            author: Tamsin Roe
            date: 2024-05-06
            ---
            Crews returned to work on Monday morning.
            """, "a.md");

        Assert.Equal("Ferry strike ends", article.Title);
        Assert.Equal(["Tamsin Roe"], article.Byline);
        Assert.Equal("2024-05-06", article.PublishedAt);
        Assert.Equal("Crews returned to work on Monday morning.", article.Text);
    }

    [Fact]
    public void Keeps_snake_case_words_and_code_block_content()
    {
        var article = CleanArticle("# T\n\nThe setting max_retries controls it.\n\n```\nretry = 3\n```\n", "a.md");

        Assert.Equal("The setting max_retries controls it.\n\nretry = 3", article.Text);
    }
}

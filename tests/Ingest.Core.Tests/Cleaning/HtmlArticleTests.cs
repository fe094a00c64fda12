using Ingest.Core.Articles;
using Xunit;
using static Ingest.Core.Tests.Cleaning.CleanerTestKit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class HtmlArticleTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <title>Night trains return to the valley | The Valley Post</title>
          <meta property="og:site_name" content="The Valley Post">
          <meta property="article:published_time" content="2024-04-24T06:30:00+01:00">
          <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Night trains return to the valley",
             "author": [{"@type": "Person", "name": "Odalys Fenwick"}], "datePublished": "2024-04-24T06:30:00+01:00"}
          </script>
          <style>p { color: red }</style>
          <script>document.write("never run");</script>
        </head>
        <body>
          <header><a href="/">The Valley Post</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <div class="cookie-banner">We use cookies. <button>Accept</button></div>
          <main>
            <article>
              <h1>Night trains return to the valley</h1>
              <div class="byline">By Odalys Fenwick</div>
              <time datetime="2024-04-24">24 April 2024</time>
              <figure><img src="train.jpg"><figcaption>The first night train leaves Brackwater. (Photo: Ivo Lind)</figcaption></figure>
              <p>Night trains will run again between Brackwater and the upper valley from May, the rail company said on Wednesday, ending a gap of nine years.</p>
              <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
              <p>The service, with sleeping cars and a dining car, will leave Brackwater at 22:40 and reach Highmoor shortly after dawn.</p>
              <h2>Tickets and prices</h2>
              <p>Tickets go on sale next week, with beds starting at 59 euros, and seats at 29 euros for those who travel light.</p>
              <ul><li>Children under six travel free.</li><li>Bicycles can be booked for 10 euros.</li></ul>
              <blockquote>“We have waited a long time for this,” said a station volunteer.</blockquote>
              <!-- an HTML comment that must not appear -->
              <div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Valley bus cuts</a></li><li><a href="/b">Rail strike ends</a></li></ul></div>
            </article>
            <section id="comments"><h3>Comments</h3><p>First comment, and a long one, about how great trains are in general.</p></section>
          </main>
          <aside><h3>Most read</h3><a href="/c">Another story entirely</a></aside>
          <footer><p>© 2024 The Valley Post. All rights reserved.</p><form><input type="email"><button>Sign up</button></form></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Extracts_headings_paragraphs_lists_and_quotes_in_reading_order()
    {
        var article = CleanArticle(Page, "train.html");

        Assert.Equal(
            "Night trains will run again between Brackwater and the upper valley from May, the rail company said on Wednesday, ending a gap of nine years.\n\n" +
            "The service, with sleeping cars and a dining car, will leave Brackwater at 22:40 and reach Highmoor shortly after dawn.\n\n" +
            "Tickets and prices\n\n" +
            "Tickets go on sale next week, with beds starting at 59 euros, and seats at 29 euros for those who travel light.\n\n" +
            "Children under six travel free.\n\n" +
            "Bicycles can be booked for 10 euros.\n\n" +
            "“We have waited a long time for this,” said a station volunteer.",
            article.Text);
    }

    [Fact]
    public void Reads_metadata_from_json_ld_and_meta_tags()
    {
        var article = CleanArticle(Page, "train.html");

        Assert.Equal("Night trains return to the valley", article.Title);
        Assert.Equal(["Odalys Fenwick"], article.Byline);
        Assert.Equal("2024-04-24T06:30:00+01:00", article.PublishedAt);
        Assert.Equal("The Valley Post", article.Outlet);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Falls_back_to_the_title_element_without_its_site_suffix_and_to_time_elements()
    {
        var article = CleanArticle("""
            <html><head><title>Bridge reopens after repairs | Riverside News</title></head>
            <body><div class="story"><time datetime="2023-11-02">2 Nov</time>
            <p>The old bridge reopened to traffic on Thursday after eight months of repairs to its stone arches.</p>
            <p>Engineers said the bridge should need no major work for another fifty years.</p></div></body></html>
            """, "a.html");

        Assert.Equal("Bridge reopens after repairs", article.Title);
        Assert.Equal("2023-11-02", article.PublishedAt);
        Assert.Equal("The old bridge reopened to traffic on Thursday after eight months of repairs to its stone arches.\n\nEngineers said the bridge should need no major work for another fifty years.", article.Text);
    }

    [Fact]
    public void Reads_loose_text_separated_by_line_breaks_as_paragraphs()
    {
        var article = CleanArticle("""
            <html><body><div class="post-body">The harbour festival drew a record crowd on Saturday, organisers said.<br><br>
            Boats from twelve countries, some more than a century old, moored along the quay for the weekend.<br><br>
            Next year's festival will run for four days instead of three.</div>
            <div class="sidebar"><a href="/x">Archive</a> <a href="/y">Contact</a></div></body></html>
            """, "a.html");

        Assert.Equal(
            "The harbour festival drew a record crowd on Saturday, organisers said.\n\nBoats from twelve countries, some more than a century old, moored along the quay for the weekend.\n\nNext year's festival will run for four days instead of three.",
            article.Text);
    }

    [Fact]
    public void Joins_an_article_body_the_template_split_into_separate_sections()
    {
        var article = CleanArticle("""
            <html><body>
            <div class="intro-wrap"><div class="story-text">
              <p>The first part of the story explains, at some length, how the ferry company began.</p>
              <p>It grew from one boat to nine over forty years, carrying cars, cattle and commuters.</p>
            </div></div>
            <div class="ad-slot"><a href="/ad">Buy a boat</a></div>
            <section class="later"><div class="column"><div class="story-text">
              <p>The second part, placed by the template in another section, covers the company's sale.</p>
              <p>Buyers from the mainland paid more than anyone expected, according to two people involved.</p>
              <p>The new owners said that timetables, fares and crews would stay as they are for now.</p>
            </div></div></section>
            </body></html>
            """, "a.html");

        Assert.Equal(
            "The first part of the story explains, at some length, how the ferry company began.\n\n" +
            "It grew from one boat to nine over forty years, carrying cars, cattle and commuters.\n\n" +
            "The second part, placed by the template in another section, covers the company's sale.\n\n" +
            "Buyers from the mainland paid more than anyone expected, according to two people involved.\n\n" +
            "The new owners said that timetables, fares and crews would stay as they are for now.",
            article.Text);
    }

    [Fact]
    public void Never_fetches_or_runs_anything_the_page_references()
    {
        // An external script, stylesheet, image and frame: with no loader configured nothing is requested, and script text never reaches the output.
        var article = CleanArticle("""
            <html><head><link rel="stylesheet" href="http://192.0.2.1/style.css"><script src="http://192.0.2.1/x.js"></script></head>
            <body><iframe src="http://192.0.2.1/frame"></iframe><img src="http://192.0.2.1/pixel.gif">
            <script>throw new Error("scripts must not run");</script>
            <p>Only this paragraph is article text, and it is long enough to count as prose.</p></body></html>
            """, "a.html");

        Assert.Equal("Only this paragraph is article text, and it is long enough to count as prose.", article.Text);
    }

    [Fact]
    public void Does_not_count_elements_whose_end_tags_may_be_omitted_as_nesting()
    {
        var paragraphs = string.Concat(Enumerable.Repeat("<p>One more short paragraph of the long list, with enough words.", 5000));

        var article = CleanArticle("<html><body><div>" + paragraphs + "</div></body></html>", "list.html");

        Assert.Equal(5000, article.Text.Split("\n\n").Length);
    }

    [Fact]
    public void Rejects_a_page_with_no_text_as_no_text()
    {
        var result = Clean("<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>", "a.html");

        Assert.Equal(RejectionCodes.NoText, result.Rejection?.Code);
    }
}

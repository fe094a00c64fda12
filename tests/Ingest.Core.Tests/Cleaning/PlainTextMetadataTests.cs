using Ingest.Core.Cleaning;
using Xunit;
using static Ingest.Core.Tests.Cleaning.CleanerTestKit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class PlainTextMetadataTests
{
    [Theory]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("By Jane Doe, John Roe and Ann Poe", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    [InlineData("By Jane Doe, John Roe, and Ann Poe", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    [InlineData("By JANE DOE & JOHN ROE", new[] { "Jane Doe", "John Roe" })]
    [InlineData("By Jane Doe | Senior Correspondent", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe, Senior Correspondent", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe for The Example Times", new[] { "Jane Doe" })]
    [InlineData("Written by Ana de la Vega", new[] { "Ana de la Vega" })]
    public void Reads_author_names_from_bylines(string line, string[] expected)
    {
        Assert.Equal(expected, BylineParser.TryParse(line)?.Names);
    }

    [Fact]
    public void Takes_an_agency_in_the_byline_as_outlet()
    {
        var byline = BylineParser.TryParse("By Jane Doe, Reuters");

        Assert.Equal(["Jane Doe"], byline?.Names);
        Assert.Equal("Reuters", byline?.Agency);
    }

    [Theory]
    [InlineData("By the end of the year the road will be finished.")]
    [InlineData("By 2030, half of all cars sold will be electric.")]
    [InlineData("Byron Bay hosts the festival.")]
    public void Does_not_take_sentences_for_bylines(string line)
    {
        Assert.Null(BylineParser.TryParse(line));
    }

    [Theory]
    [InlineData("WASHINGTON (Reuters) – The Senate voted.", "WASHINGTON", "Reuters")]
    [InlineData("TOKYO — Trains ran late.", "TOKYO", null)]
    [InlineData("NEW YORK, April 24 (AP) — Stocks rose.", "NEW YORK", "AP")]
    [InlineData("LONDON, England (CNN) -- Rain fell.", "LONDON, England", "CNN")]
    [InlineData("SÃO PAULO (AFP) - Prices rose.", "SÃO PAULO", "AFP")]
    public void Reads_datelines(string paragraph, string place, string? agency)
    {
        var dateline = DatelineParser.TryParse(paragraph);

        Assert.Equal(place, dateline?.Place);
        Assert.Equal(agency, dateline?.Agency);
    }

    [Theory]
    [InlineData("The mayor — who took office in May — said no.")]
    [InlineData("Washington - the city, not the state - is busy.")]
    [InlineData("It was late - very late.")]
    public void Does_not_take_ordinary_openings_for_datelines(string paragraph)
    {
        Assert.Null(DatelineParser.TryParse(paragraph));
    }

    [Fact]
    public void A_short_sentence_with_a_date_in_the_header_is_not_a_date_line()
    {
        var article = CleanArticle("Titre\nLe 12 mars 2024, le maire a signé.\nLa suite du texte est ici.", "a.txt");

        Assert.StartsWith("Le 12 mars 2024, le maire a signé.", article.Text);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public void A_weekday_and_time_around_a_localized_date_still_make_a_date_line()
    {
        var article = CleanArticle("Título\nsegunda-feira, 22 de janeiro de 2018 às 0:13\nO texto começa aqui.", "a.txt");

        Assert.Equal("O texto começa aqui.", article.Text);
        Assert.Equal("2018-01-22", article.PublishedAt);
    }

    [Fact]
    public void A_body_whose_lines_are_all_boilerplate_leaves_no_text()
    {
        var result = Clean("Title\n\nBy Jane Doe\n\nApril 24, 2024\n\nShare this article\n", "a.txt");

        Assert.Equal(Ingest.Core.Articles.RejectionCodes.NoText, result.Rejection?.Code);
    }

    [Fact]
    public void Keeps_every_body_paragraph_between_boilerplate_lines()
    {
        var article = CleanArticle("""
            Title of the piece
            By Jane Doe
            First paragraph of the article.
            Advertisement
            Second paragraph of the article.
            Read more: Something else entirely
            Third paragraph of the article.
            """, "a.txt");

        Assert.Equal("First paragraph of the article.\n\nSecond paragraph of the article.\n\nThird paragraph of the article.", article.Text);
    }
}

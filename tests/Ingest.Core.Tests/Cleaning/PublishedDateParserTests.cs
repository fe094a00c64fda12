using Ingest.Core.Cleaning;
using Xunit;

namespace Ingest.Core.Tests.Cleaning;

public sealed class PublishedDateParserTests
{
    [Theory]
    [InlineData("April 24, 2024", "2024-04-24")]
    [InlineData("Apr. 24, 2024", "2024-04-24")]
    [InlineData("Sept. 3, 2023", "2023-09-03")]
    [InlineData("24 April 2024", "2024-04-24")]
    [InlineData("2024-04-24", "2024-04-24")]
    [InlineData("Wednesday, April 24, 2024", "2024-04-24")]
    [InlineData("WorldApril 24, 2024", "2024-04-24")]
    [InlineData("April 24, 2024 3:15 PM EDT", "2024-04-24T15:15:00-04:00")]
    [InlineData("Updated 10:02 a.m. GMT, Jan. 5, 2024", "2024-01-05T10:02:00Z")]
    [InlineData("April 24, 2024 3:15 PM", "2024-04-24")]
    [InlineData("12 de marzo de 2024", "2024-03-12")]
    [InlineData("3. März 2024", "2024-03-03")]
    [InlineData("12 mars 2024", "2024-03-12")]
    [InlineData("2024-04-24T10:15:00+02:00", "2024-04-24T10:15:00+02:00")]
    public void Finds_dates_as_news_prints_them(string text, string expected)
    {
        Assert.Equal(expected, PublishedDateParser.Find(text)?.Value);
    }

    [Fact]
    public void Recognises_a_date_without_year_but_gives_it_no_value()
    {
        var match = PublishedDateParser.Find("Jan. 13");

        Assert.NotNull(match);
        Assert.Null(match.Value.Value);
    }

    [Theory]
    [InlineData("February 30, 2024")]
    [InlineData("no date in here")]
    [InlineData("")]
    public void Finds_nothing_where_there_is_no_valid_date(string text)
    {
        Assert.Null(PublishedDateParser.Find(text)?.Value);
    }

    [Theory]
    [InlineData("2024-04-24T10:15:00Z", "2024-04-24T10:15:00Z")]
    [InlineData("2024-04-24T10:15:00.123-05:00", "2024-04-24T10:15:00-05:00")]
    [InlineData("2024-04-24T10:15:00", "2024-04-24")]
    [InlineData("2024-04-24", "2024-04-24")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Normalizes_structured_dates_keeping_an_offset_only_when_one_is_stated(string? text, string? expected)
    {
        Assert.Equal(expected, PublishedDateParser.Normalize(text));
    }
}

using Ingest.Core.Recognition;
using Ingest.Core.Recognition.Offline.Rules;
using Xunit;

namespace Ingest.Core.Tests.Recognition;

public class PatternEntityRecognizerTests
{
    private static (string Text, string Category, string? Subcategory)[] Found(string text) =>
        PatternEntityRecognizer.Recognize(text).Select(m => (m.Text, m.Category, m.Subcategory)).ToArray();

    [Theory]
    [InlineData("Write to press@harbor-news.org today", "press@harbor-news.org", EntityCategories.Email)]
    [InlineData("Details at https://example.com/a?b=1.", "https://example.com/a?b=1", EntityCategories.Url)]
    [InlineData("see www.example.net for more", "www.example.net", EntityCategories.Url)]
    [InlineData("traffic from 192.168.10.254 was blocked", "192.168.10.254", EntityCategories.IP)]
    [InlineData("the host 2001:db8::8a2e:370:7334 answered", "2001:db8::8a2e:370:7334", EntityCategories.IP)]
    [InlineData("call (202) 555-0173 now", "(202) 555-0173", EntityCategories.PhoneNumber)]
    [InlineData("or +44 20 7946 0958 in London", "+44 20 7946 0958", EntityCategories.PhoneNumber)]
    [InlineData("signed on March 3, 2024 in", "March 3, 2024", EntityCategories.DateTime)]
    [InlineData("from 2024-05-17 onwards", "2024-05-17", EntityCategories.DateTime)]
    [InlineData("the vote on Tuesday was close", "Tuesday", EntityCategories.DateTime)]
    [InlineData("at 10:30 a.m. sharp", "10:30 a.m.", EntityCategories.DateTime)]
    [InlineData("it began in 1998 and", "1998", EntityCategories.DateTime)]
    [InlineData("a grant of $4.5 million for", "$4.5 million", EntityCategories.Quantity)]
    [InlineData("prices rose 3.2 percent in", "3.2 percent", EntityCategories.Quantity)]
    [InlineData("a 42-year-old driver", "42-year-old", EntityCategories.Quantity)]
    [InlineData("a 120 km stretch", "120 km", EntityCategories.Quantity)]
    [InlineData("at least 1,200 people", "1,200", EntityCategories.Quantity)]
    public void Finds_each_pattern_category(string text, string expected, string category)
    {
        Assert.Contains(Found(text), f => f.Text == expected && f.Category == category);
    }

    [Fact]
    public void An_email_domain_is_not_also_a_url_and_an_ip_is_not_a_number()
    {
        var found = Found("mail desk@example.com from 10.0.0.1");
        Assert.Equal(2, found.Length);
        Assert.Equal(EntityCategories.Email, found[0].Category);
        Assert.Equal(EntityCategories.IP, found[1].Category);
    }

    [Fact]
    public void Plain_words_match_nothing()
    {
        Assert.Empty(Found("The committee met and discussed the proposal at length."));
    }
}

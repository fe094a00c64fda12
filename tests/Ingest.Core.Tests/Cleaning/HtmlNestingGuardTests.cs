using System.Globalization;
using Ingest.Core.Articles;
using Ingest.Core.Cleaning;

namespace Ingest.Core.Tests.Cleaning;

public sealed class HtmlNestingGuardTests
{
    [Fact]
    public void Counts_nested_elements()
    {
        Assert.Equal(3, HtmlNestingGuard.MaxOpenDepth("<div><section><span>x</span></section></div><div></div>", 100));
    }

    [Fact]
    public void Ordinary_pages_with_unclosed_paragraphs_void_elements_and_scripts_are_shallow()
    {
        var page = "<!DOCTYPE html><html><head><meta charset=utf-8><title>a <div> b</title><script>var s = '<div><div><div>';</script></head><body>"
            + string.Concat(Enumerable.Repeat("<p>para<br><img src=x><li>item", 5000))
            + "<!-- <div><div> --><div/></body></html>";

        Assert.True(HtmlNestingGuard.MaxOpenDepth(page, 100) <= 1);
        Assert.Null(HtmlNestingGuard.Check(page));
    }

    [Fact]
    public void Absurd_nesting_is_rejected_as_too_complex_without_parsing()
    {
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "Deep text." + string.Concat(Enumerable.Repeat("</div>", 200_000));

        var result = new ArticleCleaner().Clean(new CleaningInput(System.Text.Encoding.UTF8.GetBytes(deep), "deep.html", "text/html"));

        Assert.True(result.IsRejected);
        Assert.Equal(RejectionCodes.TooComplex, result.Rejection!.Code);
        Assert.Contains("2,000", result.Rejection.Message);
    }

    [Fact]
    public void The_rejection_message_reads_the_same_whatever_the_host_culture()
    {
        // Rejection messages are stored data read by consumers, not text for the host's locale.
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 3_000)) + "Deep text.";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("2.000", 2000.ToString("N0", CultureInfo.CurrentCulture));
            var result = new ArticleCleaner().Clean(new CleaningInput(System.Text.Encoding.UTF8.GetBytes(deep), "deep.html", "text/html"));

            Assert.Equal(RejectionCodes.TooComplex, result.Rejection!.Code);
            Assert.Contains("more than 2,000 levels", result.Rejection.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Nesting_just_under_the_limit_is_still_cleaned()
    {
        var html = "<html><body><article><h1>Ferry route approved</h1>" + string.Concat(Enumerable.Repeat("<div>", 500))
            + "<p>The harbour authority approved the new ferry route to the islands on Tuesday after a long debate.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 500)) + "</article></body></html>";

        var result = new ArticleCleaner().Clean(new CleaningInput(System.Text.Encoding.UTF8.GetBytes(html), "ok.html", "text/html"));

        Assert.False(result.IsRejected, result.Rejection?.Message);
        Assert.Contains("ferry route", result.Article!.Text);
    }
}

using Ingest.Core.Articles;
using Ingest.Core.Decoding;

namespace Ingest.Core.Cleaning;

/// <summary>
/// The clean stage: decodes the bytes (<see cref="TextDecoder"/>), picks the format by extension, content
/// type, then content (<see cref="ArticleFormatDetector"/>), extracts text and metadata with that format's
/// reader, and fills in what every article gets: language, word count. Stateless and thread-safe.
/// </summary>
public sealed class ArticleCleaner : IArticleCleaner
{
    public CleaningResult Clean(CleaningInput input)
    {
        var hinted = ArticleFormatDetector.FromName(input.Name, input.ContentType);
        var decoded = TextDecoder.Decode(input.Content.Span, isHtml: hinted is ArticleFormat.Html or null);
        if (decoded.IsRejected)
        {
            return CleaningResult.Rejected(decoded.RejectionCode!, decoded.RejectionMessage!);
        }
        var format = hinted ?? ArticleFormatDetector.Sniff(decoded.Text);
        var extracted = Extract(format, decoded.Text!);
        if (extracted.RejectionCode is not null)
        {
            return CleaningResult.Rejected(extracted.RejectionCode, extracted.RejectionMessage!);
        }
        var words = extracted.WordCount ?? TextNormalizer.CountWords(extracted.Text);
        return words == 0
            ? CleaningResult.Rejected(RejectionCodes.NoText, $"No article text was left after cleaning the {Describe(format)} file.")
            : CleaningResult.Cleaned(ToContent(extracted, words));
    }

    /// <summary>Cleans already-decoded text of a known format; what evaluation and the CLI use when they hold a string.</summary>
    public CleaningResult CleanText(string text, ArticleFormat format)
    {
        var extracted = Extract(format, text);
        if (extracted.RejectionCode is not null)
        {
            return CleaningResult.Rejected(extracted.RejectionCode, extracted.RejectionMessage!);
        }
        var words = extracted.WordCount ?? TextNormalizer.CountWords(extracted.Text);
        return words == 0
            ? CleaningResult.Rejected(RejectionCodes.NoText, $"No article text was left after cleaning the {Describe(format)} text.")
            : CleaningResult.Cleaned(ToContent(extracted, words));
    }

    private static ExtractedArticle Extract(ArticleFormat format, string text) => format switch
    {
        ArticleFormat.Html => HtmlNestingGuard.Check(text) ?? HtmlArticleExtractor.Extract(text),
        ArticleFormat.Json => JsonArticleReader.Read(text),
        ArticleFormat.Markdown => MarkdownArticleReader.Read(TextNormalizer.NormalizeLines(text)),
        _ => ReadPlainText(text),
    };

    private static ExtractedArticle ReadPlainText(string text)
    {
        var analysis = PlainTextArticleParser.Analyze(TextNormalizer.NormalizeLines(text));
        return ExtractedArticle.Success(analysis.Metadata, analysis.Text, wordCount: analysis.WordCount);
    }

    private static ArticleContent ToContent(ExtractedArticle extracted, int wordCount)
    {
        var metadata = extracted.Metadata;
        return new ArticleContent
        {
            Title = metadata.Title ?? "",
            Byline = metadata.Byline,
            PublishedAt = metadata.PublishedAt,
            Dateline = metadata.Dateline,
            Outlet = metadata.Outlet,
            Language = extracted.DeclaredLanguage ?? LanguageDetector.Detect(extracted.Text),
            Text = extracted.Text,
            WordCount = wordCount,
        };
    }

    private static string Describe(ArticleFormat format) => format switch
    {
        ArticleFormat.Html => "HTML",
        ArticleFormat.Json => "JSON",
        ArticleFormat.Markdown => "Markdown",
        _ => "plain-text",
    };
}

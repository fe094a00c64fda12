namespace Ingest.Core.Cleaning;

public enum ArticleFormat
{
    PlainText,
    Html,
    Json,
    Markdown,
}

/// <summary>
/// Picks the reader for a file: the extension decides when it is a known one (producers name files on
/// purpose), then the stored content type, then the content itself. Plain text is the default.
/// </summary>
public static class ArticleFormatDetector
{
    public static ArticleFormat? FromName(string name, string? contentType)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".txt" or ".text":
                return ArticleFormat.PlainText;
            case ".html" or ".htm" or ".xhtml":
                return ArticleFormat.Html;
            case ".json":
                return ArticleFormat.Json;
            case ".md" or ".markdown":
                return ArticleFormat.Markdown;
        }
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "text/html" or "application/xhtml+xml" => ArticleFormat.Html,
            "application/json" or "text/json" => ArticleFormat.Json,
            "text/markdown" or "text/x-markdown" => ArticleFormat.Markdown,
            "text/plain" => ArticleFormat.PlainText,
            _ => null,
        };
    }

    /// <summary>Guesses from the first characters of the decoded text when name and content type say nothing.</summary>
    public static ArticleFormat Sniff(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        var head = trimmed[..Math.Min(trimmed.Length, 1024)];
        if (head.StartsWith("{") || head.StartsWith("["))
        {
            return ArticleFormat.Json;
        }
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p>", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleFormat.Html;
        }
        if (head.StartsWith("# ") || head.StartsWith("---\n") || head.StartsWith("---\r\n"))
        {
            return ArticleFormat.Markdown;
        }
        return ArticleFormat.PlainText;
    }
}

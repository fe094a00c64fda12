using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads article metadata from a page's head and markup, most specific source first: JSON-LD
/// (NewsArticle and friends), Open Graph / <c>article:</c> meta tags, plain meta tags, then <c>&lt;title&gt;</c>,
/// <c>&lt;h1&gt;</c> and <c>&lt;time&gt;</c>.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "Report",
    };

    public static (ArticleMetadata Metadata, string? Language) Read(IHtmlDocument document)
    {
        var jsonLd = ReadJsonLd(document);
        var title = jsonLd.Title ?? Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? TitleElement(document);
        var authors = jsonLd.Authors.Count > 0 ? jsonLd.Authors : MetaAuthors(document);
        var published = jsonLd.Published
            ?? Meta(document, "article:published_time") ?? Meta(document, "datePublished") ?? Meta(document, "pubdate")
            ?? Meta(document, "publishdate") ?? Meta(document, "date") ?? Meta(document, "dc.date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var outlet = Meta(document, "og:site_name") ?? jsonLd.Publisher;
        var language = document.DocumentElement.GetAttribute("lang") ?? Meta(document, "og:locale");
        var metadata = new ArticleMetadata
        {
            Title = title is null ? null : TextNormalizer.NormalizeInline(title),
            Byline = authors,
            PublishedAt = PublishedDateParser.Normalize(published),
            Outlet = outlet is null ? null : TextNormalizer.NormalizeInline(outlet),
        };
        return (metadata, language is { Length: >= 2 } ? language[..2].ToLowerInvariant() : null);
    }

    private static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return content.Trim();
                }
            }
        }
        return null;
    }

    private static IReadOnlyList<string> MetaAuthors(IDocument document)
    {
        var author = Meta(document, "author") ?? Meta(document, "article:author") ?? Meta(document, "byl");
        if (author is null || author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var line = TextNormalizer.NormalizeInline(author);
        var parsed = BylineParser.TryParse(line.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? line : "By " + line);
        return parsed is { Names.Count: > 0 } ? parsed.Names : [line];
    }

    /// <summary>The document title without the " | Site name" suffix most sites append.</summary>
    private static string? TitleElement(IHtmlDocument document)
    {
        var h1 = document.QuerySelector("h1")?.TextContent;
        if (!string.IsNullOrWhiteSpace(h1))
        {
            return h1;
        }
        var title = document.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        foreach (var separator in new[] { " | ", " – ", " — ", " - ", " :: " })
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 10)
            {
                return title[..at];
            }
        }
        return title;
    }

    private sealed record JsonLdArticle(string? Title, IReadOnlyList<string> Authors, string? Published, string? Publisher);

    private static JsonLdArticle ReadJsonLd(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true });
                var article = FindArticle(json.RootElement, depth: 0);
                if (article is { } found)
                {
                    return new JsonLdArticle(
                        StringProperty(found, "headline") ?? StringProperty(found, "name"),
                        Names(found, "author"),
                        StringProperty(found, "datePublished") ?? StringProperty(found, "dateCreated"),
                        found.TryGetProperty("publisher", out var publisher) ? Names(publisher).FirstOrDefault() : null);
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common on real pages; the meta tags are still there to fall back on.
            }
        }
        return new JsonLdArticle(null, [], null, null);
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found)
                {
                    return found;
                }
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (element.TryGetProperty("@type", out var type) && IsArticleType(type))
        {
            return element;
        }
        return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph, depth + 1) : null;
    }

    private static bool IsArticleType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
        _ => false,
    };

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Names(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Names(value) : [];

    private static IReadOnlyList<string> Names(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [TextNormalizer.NormalizeInline(value.GetString()!)],
        JsonValueKind.Object => StringProperty(value, "name") is { } name ? [TextNormalizer.NormalizeInline(name)] : [],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Names).ToArray(),
        _ => [],
    };
}

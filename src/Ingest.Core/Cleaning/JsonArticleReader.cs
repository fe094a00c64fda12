using System.Text.Json;
using Ingest.Core.Articles;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads a JSON article: <c>{ "title", "body" | "text" | "content" | "articleBody", "url", "author" | "authors",
/// "publishedAt" | "datePublished", "outlet" | "source" | "publisher", "language" }</c>, the same fields may
/// sit in a nested <c>article</c> object. The body may be a string (plain text or HTML) or an array of
/// paragraph strings. Anything else, or JSON that does not parse, is <c>malformed</c> with the reason.
/// </summary>
internal static class JsonArticleReader
{
    private static readonly string[] BodyFields = ["body", "text", "content", "articleBody"];
    private static readonly string[] AuthorFields = ["author", "authors", "byline"];
    private static readonly string[] DateFields = ["publishedAt", "datePublished", "published_at", "published", "date"];
    private static readonly string[] OutletFields = ["outlet", "source", "publisher", "siteName"];
    private static readonly string[] LanguageFields = ["language", "lang", "inLanguage"];

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    public static ExtractedArticle Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            // Only the position: the parser's own message quotes the offending token, which is article text,
            // and rejection messages are logged.
            return Malformed($"The file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1} of that line).");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Malformed($"The JSON root must be an object with article fields, not {Describe(root.ValueKind)}.");
            }
            var article = root;
            if (root.TryGetProperty("article", out var nested))
            {
                if (nested.ValueKind != JsonValueKind.Object)
                {
                    return Malformed($"\"article\" must be an object, not {Describe(nested.ValueKind)}.");
                }
                article = nested;
            }
            return ReadArticle(article, root);
        }
    }

    private static ExtractedArticle ReadArticle(JsonElement article, JsonElement root)
    {
        var error = (string?)null;
        var title = ReadString(article, root, ["title", "headline"], ref error);
        var language = ReadString(article, root, LanguageFields, ref error);
        var date = ReadString(article, root, DateFields, ref error);
        var outlet = ReadOutlet(article, root, ref error);
        var authors = ReadAuthors(article, root, ref error);
        var body = ReadBody(article, ref error);
        if (error is not null)
        {
            return Malformed(error);
        }
        if (body is null)
        {
            return Malformed($"The JSON has no article body: expected one of {string.Join(", ", BodyFields.Select(f => $"\"{f}\""))}.");
        }

        var bodyText = LooksLikeHtml(body) ? HtmlFragmentText.Extract(body) : TextNormalizer.NormalizeLines(body);
        var analysis = PlainTextArticleParser.Analyze(bodyText, firstLineIsTitle: false);
        var fields = new ArticleMetadata
        {
            Title = title is null ? null : TextNormalizer.NormalizeInline(title),
            Byline = authors,
            PublishedAt = PublishedDateParser.Normalize(date),
            Outlet = outlet,
        };
        var declaredLanguage = language is { Length: >= 2 } ? language[..2].ToLowerInvariant() : null;
        return ExtractedArticle.Success(MetadataMerge.Prefer(fields, analysis.Metadata), analysis.Text, declaredLanguage, analysis.WordCount);
    }

    private static string? ReadBody(JsonElement article, ref string? error)
    {
        foreach (var field in BodyFields)
        {
            if (!article.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Array when value.EnumerateArray().All(p => p.ValueKind == JsonValueKind.String):
                    return string.Join("\n\n", value.EnumerateArray().Select(p => p.GetString()));
                default:
                    error ??= $"\"{field}\" must be a string or an array of strings, not {Describe(value.ValueKind)}.";
                    return null;
            }
        }
        return null;
    }

    private static string? ReadString(JsonElement article, JsonElement root, string[] fields, ref string? error)
    {
        foreach (var source in new[] { article, root })
        {
            foreach (var field in fields)
            {
                if (!source.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                if (value.ValueKind != JsonValueKind.String)
                {
                    error ??= $"\"{field}\" must be a string, not {Describe(value.ValueKind)}.";
                    return null;
                }
                return value.GetString();
            }
        }
        return null;
    }

    /// <summary>Outlet as a string or as an object with a <c>name</c> (schema.org publisher style).</summary>
    private static string? ReadOutlet(JsonElement article, JsonElement root, ref string? error)
    {
        foreach (var source in new[] { article, root })
        {
            foreach (var field in OutletFields)
            {
                if (!source.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                var name = NameOf(value);
                if (name is null)
                {
                    error ??= $"\"{field}\" must be a string or an object with a \"name\", not {Describe(value.ValueKind)}.";
                }
                return name;
            }
        }
        return null;
    }

    /// <summary>Authors as a string ("Jane Doe and John Roe"), an array of strings, or objects with a <c>name</c>.</summary>
    private static IReadOnlyList<string> ReadAuthors(JsonElement article, JsonElement root, ref string? error)
    {
        foreach (var source in new[] { article, root })
        {
            foreach (var field in AuthorFields)
            {
                if (!source.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                var names = new List<string>();
                var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
                foreach (var item in items)
                {
                    var name = NameOf(item);
                    if (name is null)
                    {
                        error ??= $"\"{field}\" must hold names (strings or objects with a \"name\"), found {Describe(item.ValueKind)}.";
                        return [];
                    }
                    names.AddRange(SplitNames(name));
                }
                return names;
            }
        }
        return [];
    }

    private static IEnumerable<string> SplitNames(string text)
    {
        var line = TextNormalizer.NormalizeInline(text);
        var parsed = BylineParser.TryParse(line.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? line : "By " + line);
        return parsed is { Names.Count: > 0 } ? parsed.Names : line.Length > 0 ? [line] : [];
    }

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object when value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        _ => null,
    };

    private static bool LooksLikeHtml(string body) =>
        body.Contains("</p>", StringComparison.OrdinalIgnoreCase)
        || body.Contains("<br", StringComparison.OrdinalIgnoreCase)
        || body.Contains("</div>", StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ExtractedArticle Malformed(string message) => ExtractedArticle.Rejected(RejectionCodes.Malformed, message);
}

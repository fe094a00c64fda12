using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads a Markdown article: optional YAML front matter (title, author, date), the first <c>#</c> heading
/// as title, and the rest as text with the markup removed (emphasis, links keep their text, images and
/// reference definitions go, list and quote markers go, code keeps its content). The result then goes
/// through the plain-text reader so bylines and boilerplate are handled the same way as in .txt files.
/// </summary>
internal static partial class MarkdownArticleReader
{
    public static ExtractedArticle Read(string normalizedText)
    {
        var lines = normalizedText.Split('\n');
        var start = 0;
        var frontMatter = ReadFrontMatter(lines, ref start);

        string? title = frontMatter.Title;
        var body = new StringBuilder();
        var inFence = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (FenceLine().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                body.Append(line).Append('\n');
                continue;
            }
            if (ReferenceDefinition().IsMatch(line) || HorizontalRule().IsMatch(line) || TableSeparator().IsMatch(line))
            {
                body.Append('\n');
                continue;
            }
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var headingText = StripInline(heading.Groups["text"].Value);
                if (title is null && heading.Groups["level"].Length == 1)
                {
                    title = headingText;
                    continue;
                }
                // A heading is a paragraph of its own.
                body.Append('\n').Append(headingText).Append("\n\n");
                continue;
            }
            var setextUnderline = i + 1 < lines.Length && SetextUnderline().IsMatch(lines[i + 1].Trim()) && line.Length > 0;
            if (setextUnderline)
            {
                var headingText = StripInline(line);
                if (title is null && lines[i + 1].Trim().StartsWith('='))
                {
                    title = headingText;
                }
                else
                {
                    body.Append('\n').Append(headingText).Append("\n\n");
                }
                i++;
                continue;
            }
            line = BlockMarker().Replace(line, "");
            if (line.StartsWith('|') && line.EndsWith('|'))
            {
                line = string.Join(" ", line.Trim('|').Split('|').Select(cell => cell.Trim()));
            }
            body.Append(StripInline(line)).Append('\n');
        }

        var text = TextNormalizer.NormalizeLines(body.ToString());
        var analysis = PlainTextArticleParser.Analyze(text, firstLineIsTitle: title is null);
        var fields = new ArticleMetadata
        {
            Title = title,
            Byline = frontMatter.Authors,
            PublishedAt = PublishedDateParser.Normalize(frontMatter.Date),
        };
        return ExtractedArticle.Success(MetadataMerge.Prefer(fields, analysis.Metadata), analysis.Text, wordCount: analysis.WordCount);
    }

    private sealed record FrontMatter(string? Title, IReadOnlyList<string> Authors, string? Date);

    /// <summary>YAML front matter between "---" lines; only simple "key: value" pairs are read, which is what article front matter uses.</summary>
    private static FrontMatter ReadFrontMatter(string[] lines, ref int start)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].Trim() != "---")
        {
            return new FrontMatter(null, [], null);
        }
        var end = Array.FindIndex(lines, first + 1, l => l.Trim() is "---" or "...");
        if (end < 0)
        {
            return new FrontMatter(null, [], null);
        }
        string? title = null, date = null;
        var authors = new List<string>();
        for (var i = first + 1; i < end; i++)
        {
            var pair = FrontMatterPair().Match(lines[i]);
            if (!pair.Success)
            {
                continue;
            }
            var value = pair.Groups["value"].Value.Trim().Trim('"', '\'');
            switch (pair.Groups["key"].Value.ToLowerInvariant())
            {
                case "title":
                    title = value;
                    break;
                case "author" or "authors" or "byline":
                    authors.AddRange(value.Trim('[', ']').Split(',').Select(a => a.Trim().Trim('"', '\'')).Where(a => a.Length > 0));
                    break;
                case "date" or "published" or "publishedat" or "datepublished":
                    date = value;
                    break;
            }
        }
        start = end + 1;
        return new FrontMatter(title is { Length: > 0 } ? title : null, authors, date);
    }

    private static string StripInline(string text)
    {
        text = Image().Replace(text, "");
        text = Link().Replace(text, "${text}");
        text = AutoLink().Replace(text, "${url}");
        text = InlineCode().Replace(text, "${code}");
        text = Emphasis().Replace(text, "${text}");
        text = HtmlTag().Replace(text, "");
        return Escape().Replace(text, "${char}");
    }

    [GeneratedRegex(@"^(?:```|~~~)")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.*?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:=+|-+)$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\[[^\]]+\]:\s*\S+")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^(?:[-*_]\s*){3,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    /// <summary>Quote markers, list bullets and ordered-list numbers at the start of a line.</summary>
    [GeneratedRegex(@"^(?:>\s?)+|^(?:[-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>https?://[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"`+(?<code>[^`]+)`+")]
    private static partial Regex InlineCode();

    /// <summary>Bold, italic and strike-through; underscores only at word edges so snake_case survives.</summary>
    [GeneratedRegex(@"(?<m>\*{1,3}|~~)(?<text>\S(?:.*?\S)?)\k<m>|(?<![\p{L}\p{N}])(?<u>_{1,3})(?<text>\S(?:.*?\S)?)\k<u>(?![\p{L}\p{N}])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!>|])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^(?<key>[A-Za-z_]+)\s*:\s*(?<value>.*)$")]
    private static partial Regex FrontMatterPair();
}

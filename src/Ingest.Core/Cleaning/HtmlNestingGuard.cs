using System.Globalization;
using Ingest.Core.Articles;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Refuses HTML nested absurdly deep before it reaches the parser. HTML5 tree construction costs time
/// quadratic in the depth of open elements (20,000 nested divs took 4 s to parse here, 200,000 would take
/// minutes), so one hostile page could hold a worker for the whole function timeout. Real article pages
/// nest a few dozen levels; the limit leaves two orders of magnitude of room.
/// </summary>
internal static class HtmlNestingGuard
{
    public const int MaxDepth = 2_000;

    // Elements whose end tag may be omitted or which never have content: the parser closes them itself, so
    // counting them would mistake an ordinary page full of unclosed <p> or <li> for deep nesting.
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
        "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    /// <summary>A rejection when the markup nests deeper than <see cref="MaxDepth"/>; null when it may be parsed.</summary>
    public static ExtractedArticle? Check(string html)
    {
        var depth = MaxOpenDepth(html, MaxDepth + 1);
        return depth > MaxDepth
            ? ExtractedArticle.Rejected(RejectionCodes.TooComplex,
                string.Create(CultureInfo.InvariantCulture, $"The HTML nests elements more than {MaxDepth:N0} levels deep; pages like that are refused because parsing them takes time that grows with the square of the depth."))
            : null;
    }

    /// <summary>The deepest run of open counted elements, scanning once; stops early at <paramref name="stopAt"/>.</summary>
    internal static int MaxOpenDepth(ReadOnlySpan<char> html, int stopAt)
    {
        int depth = 0, max = 0, i = 0;
        while (i < html.Length && max < stopAt)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }
            i += lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i..].StartsWith("!--"))
            {
                var end = html[i..].IndexOf("-->");
                i = end < 0 ? html.Length : i + end + 3;
                continue;
            }

            var closing = html[i] == '/';
            var nameStart = closing ? i + 1 : i;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue; // "<" in text, "<!DOCTYPE", "<?xml"
            }

            var name = html[nameStart..nameEnd].ToString();
            var tagEnd = html[nameEnd..].IndexOf('>');
            var selfClosing = tagEnd > 0 && html[nameEnd + tagEnd - 1] == '/';
            i = tagEnd < 0 ? html.Length : nameEnd + tagEnd + 1;

            if (IsRawText(name) && !closing)
            {
                // Script and style bodies are not markup: skip to their end tag.
                var endTag = html[i..].IndexOf(("</" + name).AsSpan(), StringComparison.OrdinalIgnoreCase);
                i = endTag < 0 ? html.Length : i + endTag;
                continue;
            }
            if (NotCounted.Contains(name) || selfClosing)
            {
                continue;
            }

            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            max = Math.Max(max, depth);
        }
        return max;
    }

    private static bool IsRawText(string name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase)
        || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("textarea", StringComparison.OrdinalIgnoreCase)
        || name.Equals("title", StringComparison.OrdinalIgnoreCase);
}

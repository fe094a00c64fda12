namespace Ingest.Core.Cleaning;

/// <summary>
/// Estimates how deeply an HTML document nests elements, before parsing it. The HTML tree builder does
/// work proportional to the depth of open elements for every new element, so a few hundred kilobytes of
/// unclosed tags (40,000 nested &lt;div&gt;s take seconds to parse) would tie up a worker. Real pages
/// stay far below <see cref="MaximumDepth"/>; documents beyond it are rejected as malformed.
/// </summary>
internal static class HtmlNestingGuard
{
    public const int MaximumDepth = 3000;

    /// <summary>Elements that never take an end tag, or whose end tag may be left out: they do not deepen the estimate.</summary>
    private static readonly HashSet<string> NonNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rt", "rp",
        "html", "head", "body", "!doctype",
    };

    /// <summary>The deepest nesting of open elements the tags imply (an upper-bound estimate: unclosed tags count as open).</summary>
    public static int EstimateDepth(ReadOnlySpan<char> html)
    {
        var depth = 0;
        var deepest = 0;
        Span<char> name = stackalloc char[16];
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = NextTag(html, i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var length = 0;
            while (start + length < html.Length && length < name.Length && (char.IsAsciiLetterOrDigit(html[start + length]) || html[start + length] == '!'))
            {
                name[length] = html[start + length];
                length++;
            }
            if (length == 0 || !char.IsAsciiLetter(name[0]))
            {
                continue;
            }
            var tagName = name[..length].ToString();
            if (NonNesting.Contains(tagName))
            {
                continue;
            }
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }
            var end = html[i..].IndexOf('>');
            if (end > 0 && html[i + end - 1] == '/')
            {
                continue;
            }
            depth++;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    private static int NextTag(ReadOnlySpan<char> html, int from)
    {
        var next = html[from..].IndexOf('<');
        return next < 0 ? -1 : from + next;
    }
}

using AngleSharp.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>Text measures of one element, gathered for the whole page in a single pass.</summary>
internal sealed class ElementTextStats
{
    /// <summary>Visible (non-whitespace) characters in the subtree, outside non-content elements.</summary>
    public int Text;
    /// <summary>The part of <see cref="Text"/> inside links.</summary>
    public int LinkText;
    /// <summary>Characters of text that belong to this element directly: its own text nodes and inline descendants, not nested blocks.</summary>
    public int InlineText;
    public int InlineLinkText;
    public int InlineCommas;
    /// <summary>Characters inside &lt;p&gt; elements of the subtree.</summary>
    public int ParagraphText;
    public bool HasBlockChildren;

    public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
    public double InlineLinkDensity => InlineText == 0 ? 0 : (double)InlineLinkText / InlineText;
}

/// <summary>
/// Walks a DOM subtree once and records <see cref="ElementTextStats"/> for every element, so that scoring
/// and pruning never re-scan subtrees (which would make large pages quadratic).
/// </summary>
internal static class HtmlTextStatistics
{
    public static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "figure", "figcaption", "address", "details", "summary", "center", "form", "fieldset", "body", "html",
    };

    public static Dictionary<IElement, ElementTextStats> Measure(IElement root)
    {
        var stats = new Dictionary<IElement, ElementTextStats>();
        Visit(root, root, stats, insideLink: false, insideParagraph: false);
        return stats;
    }

    private static ElementTextStats Visit(IElement element, IElement block, Dictionary<IElement, ElementTextStats> all, bool insideLink, bool insideParagraph)
    {
        var own = new ElementTextStats();
        all[element] = own;
        var blockStats = all[block];
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                var visible = CountVisible(text.Data, out var commas);
                own.Text += visible;
                blockStats.InlineText += visible;
                blockStats.InlineCommas += commas;
                if (insideLink)
                {
                    own.LinkText += visible;
                    blockStats.InlineLinkText += visible;
                }
                if (insideParagraph)
                {
                    own.ParagraphText += visible;
                }
            }
            else if (child is IElement childElement && !HtmlTextRenderer.NonContentTags.Contains(childElement.LocalName))
            {
                var isBlock = BlockTags.Contains(childElement.LocalName);
                own.HasBlockChildren |= isBlock;
                var childStats = Visit(childElement, isBlock ? childElement : block, all,
                    insideLink || childElement.LocalName == "a",
                    insideParagraph || childElement.LocalName == "p");
                own.Text += childStats.Text;
                own.LinkText += childStats.LinkText;
                own.ParagraphText += childStats.ParagraphText;
            }
        }
        return own;
    }

    public static int CountVisible(string text, out int commas)
    {
        var count = 0;
        commas = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
                if (c is ',' or '，' or '、')
                {
                    commas++;
                }
            }
        }
        return count;
    }
}

using System.Text;
using AngleSharp.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Turns a DOM subtree into text with its paragraph structure: every block element (paragraph, heading,
/// list item, block quote, table row, line break) starts a new paragraph; inline elements flow into the
/// current one. Non-content elements (scripts, styles, forms, embedded media) never contribute text.
/// </summary>
internal sealed class HtmlTextRenderer
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "figure",
        "figcaption", "address", "hr", "details", "summary", "center", "form", "fieldset", "caption",
    };

    /// <summary>Elements whose content is never article text, wherever they appear.</summary>
    public static readonly HashSet<string> NonContentTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "picture", "img", "map", "button", "input", "select", "textarea", "option", "label", "meta", "link", "head", "title",
    };

    private readonly Func<IElement, bool> _skip;
    private readonly ParagraphJoiner _output = new();
    private readonly StringBuilder _paragraph = new();

    /// <param name="skip">Elements to leave out along with their subtree, on top of the non-content ones.</param>
    private HtmlTextRenderer(Func<IElement, bool> skip) => _skip = skip;

    public static string Render(INode root, Func<IElement, bool>? skip = null)
    {
        var renderer = new HtmlTextRenderer(skip ?? (static _ => false));
        renderer.Visit(root);
        renderer.Flush();
        return renderer._output.ToString();
    }

    private void Visit(INode node)
    {
        switch (node)
        {
            case IText text:
                _paragraph.Append(text.Data);
                return;
            case IElement element:
                if (NonContentTags.Contains(element.LocalName) || _skip(element))
                {
                    return;
                }
                if (element.LocalName == "br")
                {
                    Flush();
                    return;
                }
                var isBlock = BlockTags.Contains(element.LocalName);
                if (isBlock)
                {
                    Flush();
                }
                else if (element.LocalName is "td" or "th")
                {
                    _paragraph.Append(' ');
                }
                foreach (var child in element.ChildNodes)
                {
                    Visit(child);
                }
                if (isBlock)
                {
                    Flush();
                }
                return;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Visit(child);
                }
                return;
        }
    }

    private void Flush()
    {
        if (_paragraph.Length == 0)
        {
            return;
        }
        _output.Add(TextNormalizer.NormalizeInline(_paragraph.ToString()));
        _paragraph.Clear();
    }
}

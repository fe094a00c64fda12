using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Finds the main text of an article page. Page furniture is pruned first (<see cref="HtmlBoilerplatePruner"/>);
/// then every paragraph-like block votes for its ancestors with a score that grows with its length and
/// punctuation, so the element holding most of the prose wins. Link-heavy elements are discounted. The
/// winner and those of its siblings that also hold prose are rendered in document order.
/// </summary>
internal static partial class HtmlArticleExtractor
{
    private const int MinimumBlockLength = 25;

    public static ExtractedArticle Extract(string html)
    {
        using var document = HtmlDocumentParser.Parse(html);
        var (metadata, language) = HtmlMetadataReader.Read(document);
        var body = document.Body;
        if (body is null)
        {
            return ExtractedArticle.Success(metadata, "", language);
        }
        Prune(body);

        var scores = ScoreCandidates(body);
        var best = PickBest(scores);
        var text = best is null ? HtmlTextRenderer.Render(body) : RenderWithSiblings(best, scores);
        text = DropBoilerplateParagraphs(text, metadata.Title);
        return ExtractedArticle.Success(metadata, text, language);
    }

    /// <summary>
    /// Removes page furniture. A class name alone is weak evidence (sites wrap whole articles in
    /// "content paywall" or "story-share-wrapper" boxes), so an element condemned only by its name is
    /// kept when it holds a large share of the page's paragraph text.
    /// </summary>
    private static void Prune(IElement root)
    {
        var doomed = new List<IElement>();
        var pageParagraphText = ParagraphTextLength(root);
        foreach (var element in root.QuerySelectorAll("*"))
        {
            if (HtmlBoilerplatePruner.IsChrome(element))
            {
                doomed.Add(element);
            }
            else if (HtmlBoilerplatePruner.HasJunkName(element) && ParagraphTextLength(element) <= 0.3 * pageParagraphText)
            {
                doomed.Add(element);
            }
        }
        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static int ParagraphTextLength(IElement element)
    {
        var length = 0;
        foreach (var paragraph in element.QuerySelectorAll("p"))
        {
            length += CountVisible(paragraph.TextContent);
        }
        return length;
    }

    private static Dictionary<IElement, double> ScoreCandidates(IElement root)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var block in root.QuerySelectorAll("p, pre, blockquote, td, li, h2, h3, div"))
        {
            if (block.LocalName == "div" && HasBlockChildren(block))
            {
                continue;
            }
            var text = block.TextContent;
            var length = CountVisible(text);
            if (length < MinimumBlockLength)
            {
                continue;
            }
            var score = 1 + text.Count(c => c == ',') + Math.Min(length / 100.0, 3);
            var ancestor = block.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(ancestor);
                }
                scores[ancestor] += score / (level == 0 ? 1 : level * 2);
            }
        }
        foreach (var element in scores.Keys.ToArray())
        {
            scores[element] *= 1 - LinkDensity(element);
        }
        return scores;
    }

    private static IElement? PickBest(Dictionary<IElement, double> scores)
    {
        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (element, score) in scores)
        {
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }
        return best;
    }

    private static string RenderWithSiblings(IElement best, Dictionary<IElement, double> scores)
    {
        var parent = best.ParentElement;
        if (parent is null)
        {
            return HtmlTextRenderer.Render(best, IsLinkList);
        }
        var threshold = Math.Max(10, scores[best] * 0.2);
        var parts = new List<string>();
        foreach (var sibling in parent.Children)
        {
            var include = sibling == best
                || scores.TryGetValue(sibling, out var score) && score >= threshold
                || sibling.LocalName == "p" && IsProseParagraph(sibling);
            if (include)
            {
                parts.Add(HtmlTextRenderer.Render(sibling, IsLinkList));
            }
        }
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    private static bool IsProseParagraph(IElement paragraph)
    {
        var text = paragraph.TextContent;
        var length = CountVisible(text);
        var density = LinkDensity(paragraph);
        return length > 80 && density < 0.25 || length > 0 && density == 0 && SentenceEnd().IsMatch(text);
    }

    /// <summary>Lists and boxes that are mostly links (tag clouds, "more stories") inside the article container.</summary>
    private static bool IsLinkList(IElement element) =>
        element.LocalName is "ul" or "ol" or "div" or "section" or "table" && LinkDensity(element) > 0.5;

    private static string DropBoilerplateParagraphs(string text, string? title)
    {
        var output = new ParagraphJoiner();
        foreach (var paragraph in text.Split("\n\n"))
        {
            var words = TextNormalizer.CountWords(paragraph);
            if (BoilerplateLinePatterns.Classify(paragraph, words) is not null)
            {
                continue;
            }
            if (title is not null && string.Equals(paragraph, title, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            output.Add(paragraph);
        }
        return output.ToString();
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "article" => 10.0,
            "main" or "div" => 5,
            "section" => 3,
            "pre" or "td" or "blockquote" => 3,
            "ul" or "ol" or "dl" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = element.ClassName + " " + element.Id;
        if (PositiveName().IsMatch(names))
        {
            score += 25;
        }
        return score;
    }

    private static bool HasBlockChildren(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (child.LocalName is "p" or "div" or "section" or "article" or "ul" or "ol" or "table" or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4")
            {
                return true;
            }
        }
        return false;
    }

    private static double LinkDensity(IElement element)
    {
        var total = CountVisible(element.TextContent);
        if (total == 0)
        {
            return 0;
        }
        var linked = 0;
        foreach (var link in element.QuerySelectorAll("a"))
        {
            linked += CountVisible(link.TextContent);
        }
        return Math.Min(1, (double)linked / total);
    }

    private static int CountVisible(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }
        return count;
    }

    [GeneratedRegex(@"(?:^|[-_\s])(?:article|body|content|entry|main|page|post|text|blog|story)(?:$|[-_\s])", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveName();

    [GeneratedRegex(@"[.!?…][""”’']?\s*$")]
    private static partial Regex SentenceEnd();
}

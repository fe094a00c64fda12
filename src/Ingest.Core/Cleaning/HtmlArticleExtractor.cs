using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Finds the main text of an article page. Page furniture is pruned first (<see cref="HtmlBoilerplatePruner"/>);
/// then every run of prose votes for the elements around it with a score that grows with its length and
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

        var stats = HtmlTextStatistics.Measure(body);
        var scores = ScoreCandidates(stats);
        var best = PickBest(scores);
        var text = best is null ? HtmlTextRenderer.Render(body) : RenderWithSiblings(best, scores, stats);
        text = DropBoilerplateParagraphs(text, metadata.Title);
        return ExtractedArticle.Success(metadata, text, language);
    }

    /// <summary>
    /// Removes what is never article text whatever its size: chrome by tag, role or hidden state, and
    /// comment threads. Elements merely named like furniture ("sidebar", "share", "widget") stay for now:
    /// sites also use such names on the boxes that wrap the article, so they are judged relative to the
    /// chosen container when rendering.
    /// </summary>
    private static void Prune(IElement root)
    {
        var doomed = new List<IElement>();
        foreach (var element in root.QuerySelectorAll("*"))
        {
            if (HtmlBoilerplatePruner.IsChrome(element) || HtmlBoilerplatePruner.IsComments(element))
            {
                doomed.Add(element);
            }
        }
        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static int Prose(ElementTextStats stats) => stats.Text - stats.LinkText;

    /// <summary>
    /// Every element with enough text of its own is a run of prose. A pure paragraph (no nested blocks)
    /// votes for its parent and, less, for the two levels above; an element mixing blocks with loose text
    /// (common in blog markup built from &lt;br&gt;s) votes for itself first.
    /// </summary>
    private static Dictionary<IElement, double> ScoreCandidates(Dictionary<IElement, ElementTextStats> stats)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var (element, own) in stats)
        {
            var prose = own.InlineText - own.InlineLinkText;
            if (prose < MinimumBlockLength || element.LocalName is "body" or "html")
            {
                continue;
            }
            var score = (1 + own.InlineCommas + Math.Min(own.InlineText / 100.0, 3)) * (1 - own.InlineLinkDensity);
            var receiver = own.HasBlockChildren ? element : element.ParentElement;
            for (var level = 0; receiver is not null && level < 3; level++, receiver = receiver.ParentElement)
            {
                scores[receiver] = scores.GetValueOrDefault(receiver) + score / (level == 0 ? 1 : level * 2);
            }
        }
        foreach (var element in scores.Keys.ToArray())
        {
            scores[element] *= ContainerWeight(element) * (1 - (stats.TryGetValue(element, out var own) ? own.LinkDensity : 0));
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

    private static string RenderWithSiblings(IElement best, Dictionary<IElement, double> scores, Dictionary<IElement, ElementTextStats> stats)
    {
        // Inside the article, furniture-named boxes go unless they hold most of its prose (then the name lied).
        // Paragraph text is the measure because article bodies are written in <p>s and furniture rarely is.
        var articleParagraphs = stats[best].ParagraphText;
        bool SkipInside(IElement element) =>
            IsLinkList(element, stats)
            || HtmlBoilerplatePruner.HasJunkName(element) && stats.TryGetValue(element, out var own) && own.ParagraphText <= 0.5 * articleParagraphs;
        var parent = best.ParentElement;
        if (parent is null || best.LocalName is "body")
        {
            return HtmlTextRenderer.Render(best, SkipInside);
        }
        var threshold = Math.Max(10, scores[best] * 0.2);
        var parts = new List<string>();
        foreach (var sibling in parent.Children)
        {
            var include = sibling == best
                || !HtmlBoilerplatePruner.HasJunkName(sibling) && scores.TryGetValue(sibling, out var score) && score >= threshold
                || sibling.LocalName == "p" && IsProseParagraph(sibling, stats);
            if (include)
            {
                parts.Add(HtmlTextRenderer.Render(sibling, SkipInside));
            }
        }
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    private static bool IsProseParagraph(IElement paragraph, Dictionary<IElement, ElementTextStats> stats)
    {
        if (!stats.TryGetValue(paragraph, out var own))
        {
            return false;
        }
        var density = own.LinkDensity;
        return own.Text > 80 && density < 0.25 || own.Text > 0 && density == 0 && SentenceEnd().IsMatch(paragraph.TextContent);
    }

    /// <summary>Lists and boxes that are mostly links (tag clouds, "more stories") inside the article container.</summary>
    private static bool IsLinkList(IElement element, Dictionary<IElement, ElementTextStats> stats) =>
        element.LocalName is "ul" or "ol" or "div" or "section" or "table" or "nav"
        && stats.TryGetValue(element, out var own) && own.LinkDensity > 0.5;

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

    /// <summary>
    /// How much an element's tag and names make it more or less likely to be the article container. A
    /// factor rather than a bonus, so that a small box named "content" cannot outscore the prose itself.
    /// </summary>
    private static double ContainerWeight(IElement element)
    {
        var weight = element.LocalName switch
        {
            "article" or "main" => 1.3,
            "ul" or "ol" or "dl" or "form" or "table" => 0.7,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => 0.3,
            _ => 1.0,
        };
        var names = element.ClassName + " " + element.Id;
        if (PositiveName().IsMatch(names))
        {
            weight *= 1.3;
        }
        if (HtmlBoilerplatePruner.HasJunkName(element))
        {
            weight *= 0.4;
        }
        return weight;
    }

    [GeneratedRegex(@"(?:^|[-_\s])(?:article|body|content|entry|main|page|post|text|blog|story)(?:$|[-_\s])", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveName();

    [GeneratedRegex(@"[.!?…][""”’']?\s*$")]
    private static partial Regex SentenceEnd();
}

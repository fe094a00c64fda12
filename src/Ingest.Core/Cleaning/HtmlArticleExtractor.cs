using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Finds the main text of an article page. Page chrome is pruned first (<see cref="HtmlBoilerplatePruner"/>);
/// then every run of prose votes for the elements around it with a score that grows with its length and
/// punctuation, so the element holding most of the prose wins; link-heavy and furniture-named elements are
/// discounted. The winner is widened to the container of a body split into columns, joined by its prose
/// siblings and by same-kind parts elsewhere on the page, rendered in document order, and finally cleared
/// of boilerplate paragraphs and of everything after a trailing teaser or comment heading.
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
        best = best is null ? null : PromoteToSplitContainer(best, scores, stats);
        var text = best is null ? HtmlTextRenderer.Render(body) : RenderWithSiblings(best, scores, stats);
        text = DropBoilerplateParagraphs(text, metadata.Title);
        // Same rule as plain text: a wire dateline is metadata, so an HTML copy of a story cleans to the same body as its text copy.
        (metadata, text) = DatelineParser.Remove(metadata, text);
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

    /// <summary>
    /// Sites split long articles into several column boxes between ads; the box with the most prose wins
    /// the vote but holds only part of the article. An ancestor that scores nearly as well and holds
    /// clearly more paragraph text is the real container.
    /// </summary>
    private static IElement PromoteToSplitContainer(IElement best, Dictionary<IElement, double> scores, Dictionary<IElement, ElementTextStats> stats)
    {
        var bestScore = scores[best];
        var chosen = best;
        var ancestor = best.ParentElement;
        for (var level = 0; ancestor is not null && level < 3 && ancestor.LocalName != "body"; level++, ancestor = ancestor.ParentElement)
        {
            if (scores.TryGetValue(ancestor, out var score) && score >= 0.6 * bestScore
                && stats.TryGetValue(ancestor, out var own) && own.ParagraphText >= 1.3 * stats[chosen].ParagraphText)
            {
                chosen = ancestor;
            }
        }
        return chosen;
    }

    private static string RenderWithSiblings(IElement best, Dictionary<IElement, double> scores, Dictionary<IElement, ElementTextStats> stats)
    {
        // Inside the article, furniture-named boxes go unless they hold most of its prose (then the name lied).
        // Paragraph text is the measure because article bodies are written in <p>s and furniture rarely is.
        var articleParagraphs = stats[best].ParagraphText;
        bool SkipInside(IElement element) =>
            IsLinkList(element, stats)
            || element.LocalName == "time" && StandsAlone(element)
            || HtmlBoilerplatePruner.HasJunkName(element) && stats.TryGetValue(element, out var own) && own.ParagraphText <= 0.5 * articleParagraphs;

        var roots = SelectSiblings(best, scores, stats);
        foreach (var part in FindSameKindParts(best, scores))
        {
            // A part nested in (or around) one already chosen would be rendered twice.
            if (!roots.Any(root => root.Contains(part) || part.Contains(root)))
            {
                roots.Add(part);
            }
        }
        roots.Sort(static (a, b) => a == b ? 0 : a.CompareDocumentPosition(b).HasFlag(DocumentPositions.Following) ? -1 : 1);
        return string.Join("\n\n", roots.Select(root => HtmlTextRenderer.Render(root, SkipInside)).Where(p => p.Length > 0));
    }

    /// <summary>The winner and those of its siblings that also hold prose: article text often continues in a neighbouring box.</summary>
    private static List<IElement> SelectSiblings(IElement best, Dictionary<IElement, double> scores, Dictionary<IElement, ElementTextStats> stats)
    {
        var parent = best.ParentElement;
        if (parent is null || best.LocalName is "body")
        {
            return [best];
        }
        var threshold = Math.Max(10, scores[best] * 0.2);
        var selected = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            var include = sibling == best
                || !HtmlBoilerplatePruner.HasJunkName(sibling) && scores.TryGetValue(sibling, out var score) && score >= threshold
                || sibling.LocalName == "p" && IsProseParagraph(sibling, stats)
                || IsParagraphBox(sibling, stats);
            if (include)
            {
                selected.Add(sibling);
            }
        }
        return selected;
    }

    /// <summary>
    /// Other parts of a body that the page template split into separate sections: elements with the
    /// winner's tag and class names, elsewhere in the page, that also collected a real share of the votes.
    /// </summary>
    private static IEnumerable<IElement> FindSameKindParts(IElement best, Dictionary<IElement, double> scores)
    {
        if (string.IsNullOrWhiteSpace(best.ClassName))
        {
            yield break;
        }
        var threshold = scores[best] * 0.2;
        var parent = best.ParentElement;
        foreach (var (element, score) in scores)
        {
            if (element != best && score >= threshold && element.ParentElement != parent
                && element.LocalName == best.LocalName && element.ClassName == best.ClassName)
            {
                yield return element;
            }
        }
    }

    /// <summary>
    /// A box used as a paragraph (CNN-style div paragraphs): no blocks inside, not named as furniture, and
    /// unmistakably prose (long, few links, ends like a sentence), since short boxes beside an article are usually chrome.
    /// </summary>
    private static bool IsParagraphBox(IElement element, Dictionary<IElement, ElementTextStats> stats) =>
        element.LocalName is "div" or "span"
        && stats.TryGetValue(element, out var own) && !own.HasBlockChildren && own.Text > 80 && own.LinkDensity < 0.25
        && !HtmlBoilerplatePruner.HasJunkName(element) && SentenceEnd().IsMatch(element.TextContent);

    private static bool IsProseParagraph(IElement paragraph, Dictionary<IElement, ElementTextStats> stats)
    {
        if (!stats.TryGetValue(paragraph, out var own))
        {
            return false;
        }
        var density = own.LinkDensity;
        return own.Text > 80 && density < 0.25 || own.Text > 0 && density == 0 && SentenceEnd().IsMatch(paragraph.TextContent);
    }

    /// <summary>
    /// True when nothing but blocks or whitespace sits beside <paramref name="element"/>: a &lt;time&gt;
    /// printed as the article's date line, as opposed to one inside a sentence ("on &lt;time&gt;Monday&lt;/time&gt;").
    /// </summary>
    private static bool StandsAlone(IElement element)
    {
        return IsBoundary(PreviousMeaningful(element)) && IsBoundary(NextMeaningful(element));

        static bool IsBoundary(INode? node) =>
            node is null || node is IElement sibling && HtmlTextStatistics.BlockTags.Contains(sibling.LocalName);

        static INode? PreviousMeaningful(INode node)
        {
            var sibling = node.PreviousSibling;
            while (sibling is IText { Data: var data } && string.IsNullOrWhiteSpace(data) || sibling is IComment)
            {
                sibling = sibling.PreviousSibling;
            }
            return sibling;
        }

        static INode? NextMeaningful(INode node)
        {
            var sibling = node.NextSibling;
            while (sibling is IText { Data: var data } && string.IsNullOrWhiteSpace(data) || sibling is IComment)
            {
                sibling = sibling.NextSibling;
            }
            return sibling;
        }
    }

    /// <summary>Lists and boxes that are mostly links (tag clouds, "more stories") inside the article container.</summary>
    private static bool IsLinkList(IElement element, Dictionary<IElement, ElementTextStats> stats) =>
        element.LocalName is "ul" or "ol" or "div" or "section" or "table" or "nav"
        && stats.TryGetValue(element, out var own) && own.LinkDensity > 0.5;

    /// <summary>Paragraphs at the top of the extracted text that are article metadata printed in the page, not prose.</summary>
    private const int HeaderParagraphs = 6;

    /// <summary>
    /// Applies the plain-text boilerplate patterns to the extracted paragraphs, and drops the title,
    /// byline and date lines that article markup repeats at its top (they are metadata, read separately).
    /// </summary>
    private static string DropBoilerplateParagraphs(string text, string? title)
    {
        var output = new ParagraphJoiner();
        var index = 0;
        var paragraphs = text.Split("\n\n");
        var keptLength = 0;
        foreach (var paragraph in paragraphs)
        {
            var inHeader = index++ < HeaderParagraphs;
            var words = TextNormalizer.CountWords(paragraph);
            // "You may also like" and its kin open the teaser list that ends an article; once most of the
            // text has been seen, such a heading ends the article.
            if (words <= 8 && keptLength > 0.5 * text.Length && TrailingSectionHeading().IsMatch(paragraph))
            {
                break;
            }
            keptLength += paragraph.Length + 2;
            if (BoilerplateLinePatterns.Classify(paragraph, words) is not null || BoilerplateLinePatterns.ReadSourceOutlet(paragraph, words) is not null)
            {
                continue;
            }
            if (title is not null && string.Equals(paragraph, title, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (inHeader && (BylineParser.TryParse(paragraph) is not null || PlainTextArticleParser.TryReadDateLine(paragraph, requireLabel: false) is not null))
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

    /// <summary>
    /// Headings of teaser lists and of the tag and comment blocks under an article. "Read also" style links ("Leggi anche", "Lesen Sie auch") are left out on
    /// purpose: sites put those in the middle of the article, followed by more article text.
    /// </summary>
    [GeneratedRegex(@"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|related (?:articles|stories|posts|content|coverage|news|reading)|more (?:stories|articles|news)(?: from| on| about)?|recommended(?: for you| stories| articles| reading)?|what to read next|trending now|most popular|popular posts|você (?:também )?pode gostar|das könnte sie auch interessieren|vous aimerez aussi|también te puede interesar|ti potrebbe interessare|potrebbe interessarti|самые популярные|похожие (?:статьи|новости)|рекомендуем)\b[^.!?]*(?:\.\.\.|…|:)?$|^(?:tags|tagged(?: with| in)?|topics|filed under|categories|leave a (?:comment|reply)|comments?|join the conversation|отзывы|комментарии)\s*(?::|\.\.\.|…)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingSectionHeading();

    [GeneratedRegex(@"[.!?…][""”’']?\s*$")]
    private static partial Regex SentenceEnd();
}

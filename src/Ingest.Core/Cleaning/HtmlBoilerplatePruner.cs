using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Recognizes page elements that are not the article: navigation and page chrome, hidden elements and
/// comment threads (always removed), and boxes whose class or id names furniture such as share bars,
/// related links, newsletter and cookie banners or ads (weaker evidence, weighed by the extractor).
/// </summary>
internal static partial class HtmlBoilerplatePruner
{
    private static readonly HashSet<string> ChromeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "dialog", "menu", "figure", "figcaption",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog", "search", "toolbar",
    };

    /// <summary>Page furniture by structure alone (tag, ARIA role, hidden state), whatever its content.</summary>
    public static bool IsChrome(IElement element)
    {
        var tag = element.LocalName;
        if (ChromeTags.Contains(tag) || HtmlTextRenderer.NonContentTags.Contains(tag))
        {
            return true;
        }
        if (tag is "body" or "html" or "main" or "article")
        {
            return false;
        }
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }
        var role = element.GetAttribute("role");
        if (role is not null && ChromeRoles.Contains(role))
        {
            return true;
        }
        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return true;
        }
        if (tag == "header" && element.Closest("article") is null)
        {
            return true;
        }
        return false;
    }

    /// <summary>Reader comment threads: never article text, however long.</summary>
    public static bool IsComments(IElement element) =>
        CommentsName().IsMatch(element.ClassName ?? "") || CommentsName().IsMatch(element.Id ?? "");

    /// <summary>
    /// Judged by the class and id names alone, or a form: usually a search box or sign-up, but ASP.NET
    /// pages wrap the whole page in one, so forms share the weak evidence's size check.
    /// </summary>
    public static bool HasJunkName(IElement element) =>
        element.LocalName == "form" || HasJunkName(element.ClassName) || HasJunkName(element.Id);

    private static bool HasJunkName(string? names)
    {
        if (string.IsNullOrEmpty(names))
        {
            return false;
        }
        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // WordPress marks the post element itself with "tag-…" and "category-…" classes, and an embedded
            // post ("social-media-embed") is quoted content of the article, not a share bar.
            if (name.StartsWith("tag-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("category-", StringComparison.OrdinalIgnoreCase)
                || name.Contains("embed", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (JunkName().IsMatch(name))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"(?:^|[-_\s])(?:comments?|commentlist|comment-list|disqus|disqus_thread|respond|replies)(?:$|[-_\s])", RegexOptions.IgnoreCase)]
    private static partial Regex CommentsName();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    /// <summary>A class or id made of words (split on - and _) one of which names page furniture.</summary>
    [GeneratedRegex(@"(?:^|[-_])(?:comments?|commentlist|disqus|share|sharing|sharebar|social|socials|related|recommended|recommendations|promo|promos|newsletter|subscribe|subscription|signup|cookie|cookies|consent|gdpr|banner|ads?|advert|adverts|advertisement|sponsor|sponsored|popup|modal|breadcrumbs?|tags|navbar|nav|navigation|menu|footer|sidebar|widget|widgets|toolbar|masthead|pagination|pager|outbrain|taboola|trending|popular|most-read|mostread|byline|author|caption|credit|skip|sr-only|visually-hidden|screen-reader-text|offscreen|jump|toc)(?:$|[-_])", RegexOptions.IgnoreCase)]
    private static partial Regex JunkName();
}

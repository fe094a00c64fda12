using System.Text.RegularExpressions;

namespace Ingest.Core.Cleaning;

/// <summary>
/// The context-free boilerplate tests: each looks at one line and decides whether it is a known kind of
/// non-article text. Patterns are anchored and length-limited so that an article sentence that merely
/// mentions a newsletter or a photo is not mistaken for one.
/// </summary>
internal static partial class BoilerplateLinePatterns
{
    private const int ShortLineWords = 14;

    /// <summary>No boilerplate line is longer than this; longer lines are prose and skip every pattern.</summary>
    private const int LongestBoilerplateWords = 45;

    /// <remarks>
    /// Each unanchored pattern sits behind a cheap substring test for a word it cannot match without, so
    /// ordinary paragraphs, the vast majority of lines, cost a few span searches rather than a dozen regex scans.
    /// </remarks>
    public static LineKind? Classify(string line, int words)
    {
        if (words > LongestBoilerplateWords || line.Length == 0)
        {
            return null;
        }
        var text = line.AsSpan();
        if (words <= 4 && Advertisement().IsMatch(line))
        {
            return LineKind.Advertisement;
        }
        if (words <= 40 && MayBeCaption(text)
            && ((MayBeCaptionCredit(text) && CaptionCredit().IsMatch(line)) || CaptionLabel().IsMatch(line) || (words <= 6 && CreditOnly().IsMatch(line))))
        {
            return LineKind.PhotoCaption;
        }
        if (words <= 40 && MayBeContributors(text) && Contributors().IsMatch(line))
        {
            return LineKind.Contributors;
        }
        if (words <= 30 && (NewsletterStart().IsMatch(line) || (HasNewsletterWord(text) && NewsletterAction().IsMatch(line))))
        {
            return LineKind.Newsletter;
        }
        if (MayBePrivacyNotice(text) && PrivacyNotice().IsMatch(line))
        {
            return LineKind.PrivacyNotice;
        }
        if (words <= ShortLineWords && (ShareOrFollow().IsMatch(line) || SocialNamesOnly().IsMatch(line) || words <= 6 && LocalizedShare().IsMatch(line)))
        {
            return LineKind.ShareOrFollow;
        }
        if (words <= ShortLineWords && RelatedLink().IsMatch(line))
        {
            return LineKind.RelatedLink;
        }
        if (words <= 20 && (text.Contains("rights reserved", StringComparison.OrdinalIgnoreCase) || text[0] is '©' or '(' or 'c' or 'C') && Copyright().IsMatch(line))
        {
            return LineKind.Copyright;
        }
        return null;
    }

    /// <summary>Every caption pattern needs a slash, a closing parenthesis at the end, a colon or bar after a label, "AP Photo", or an opening "This"/"In this".</summary>
    private static bool MayBeCaption(ReadOnlySpan<char> line) =>
        line.IndexOfAny('/', ':', '|') >= 0 || line.EndsWith(")") || line.Contains("Getty Images", StringComparison.Ordinal)
        || line.StartsWith("In this ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("This ", StringComparison.OrdinalIgnoreCase)
        || line.Contains("AP Photo", StringComparison.Ordinal) || line.Contains(" by ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <see cref="CaptionCredit"/> needs a slash (a "Name/Agency" credit or "REUTERS/"), a closing parenthesis at
    /// the end, or "AP Photo": prose with a colon, which <see cref="MayBeCaption"/> lets through, has none of these.
    /// </summary>
    private static bool MayBeCaptionCredit(ReadOnlySpan<char> line) =>
        line.Contains('/') || line.TrimEnd().EndsWith(")") || line.Contains("AP Photo", StringComparison.Ordinal);

    /// <summary>
    /// <see cref="Contributors"/> needs "contributed" anywhere or one of its opening words at the start; " by " alone,
    /// which most prose has, is not enough to run it.
    /// </summary>
    private static bool MayBeContributors(ReadOnlySpan<char> line) =>
        line.Contains("contributed", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("reporting", StringComparison.OrdinalIgnoreCase) || line.StartsWith("additional", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("writing", StringComparison.OrdinalIgnoreCase) || line.StartsWith("edit", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("compiled", StringComparison.OrdinalIgnoreCase);

    /// <summary>The words <see cref="NewsletterAction"/> is tried after; three span searches instead of an unanchored pattern.</summary>
    private static bool HasNewsletterWord(ReadOnlySpan<char> line) =>
        line.Contains("newsletter", StringComparison.OrdinalIgnoreCase) || line.Contains("inbox", StringComparison.OrdinalIgnoreCase)
        || line.Contains("briefing", StringComparison.OrdinalIgnoreCase);

    private static bool MayBePrivacyNotice(ReadOnlySpan<char> line) =>
        line.Contains("privacy", StringComparison.OrdinalIgnoreCase) || line.Contains("terms", StringComparison.OrdinalIgnoreCase)
        || line.Contains("cookie", StringComparison.OrdinalIgnoreCase) || line.Contains("reCAPTCHA", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The outlet named by a "From The X" or "originally published by X" line, or null. The name must look
    /// like one (one to six capitalised words) so that "From Monday buses run later" stays in the article.
    /// </summary>
    public static string? ReadSourceOutlet(string line, int words)
    {
        // Source lines start with "From", "Source", "This" or an agency name; nothing else needs a closer look.
        if (words > 16 || line.Length == 0 || !char.IsUpper(line[0]) && line[0] is not ('f' or 's' or 't'))
        {
            return null;
        }
        // A wire service's name alone on a line is the credit under an agency story.
        if (words <= 4 && BylineParser.IsAgency(line.TrimEnd('.')))
        {
            return line.TrimEnd('.');
        }
        var match = SourceLine().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var outlet = match.Groups["outlet"].Value.TrimEnd('.', ' ');
        var outletWords = outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var looksLikeName = outletWords.Length <= 6
            && outletWords.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || w is "of" or "the" or "and" or "&" or "for" or "on");
        return looksLikeName ? outlet : null;
    }

    [GeneratedRegex(@"^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue)$", RegexOptions.IgnoreCase)]
    private static partial Regex Advertisement();

    /// <summary>
    /// A caption ending in a parenthesised credit, "(Jane Doe/Agency via Getty Images)", "(AP Photo/Jane Doe)",
    /// or carrying an agency photo mark anywhere ("REUTERS/Jane Doe", "Photo: Jane Doe/Agency"). The slash
    /// form needs capitalised names on both sides so "(the 2019/20 season)" is not a credit.
    /// </summary>
    [GeneratedRegex(@"\((?:[^()]*?\b)?(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}/\s*\p{Lu}[^()]*\)\s*$|\([^()]*\b(?i:via Getty Images|Getty Images|AP Photo|Shutterstock|iStock|Photo(?:graph)? by)\b[^()]*\)\s*$|\bREUTERS/\p{Lu}|\bAP Photo\b|\b(?i:Photo|Photograph|Image|Illustration)(?i: credit)?:\s*\p{Lu}[^.]*/")]
    private static partial Regex CaptionCredit();

    /// <summary>A labelled caption or credit ("Photo: …", "Image credit: …"), or a wire-photo caption ("In this Dec. 12, 2006, file photo, …", "This undated photo provided by …").</summary>
    [GeneratedRegex(@"^(?:(?:photo|photograph|image|picture|illustration|video|top image|main image)(?:\s+credits?)?|credits?|caption)s?\s*(?:by\s|:|\|)|^in this\b[^.]{0,60}?\b(?:photo|image|picture|photograph)\b|^this\b[^.]{0,60}?\b(?:photo|image|picture|photograph)\b(?: \w+)?,? (?:provided|released|taken|made available|shows|distributed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionLabel();

    /// <summary>A bare credit line: "Jane Doe/Agency", "Agency via Getty Images".</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}\s*/\s*\p{Lu}[\p{L}.'’ -]*$|\bvia Getty Images$|^Getty Images$")]
    private static partial Regex CreditOnly();

    [GeneratedRegex(@"\bcontributed(?: additional)? (?:to this (?:report|story|article)|reporting|research)\b|^(?:additional )?reporting by\b|^(?:writing|editing|edited|compiled) by\b|^additional reporting\b", RegexOptions.IgnoreCase)]
    private static partial Regex Contributors();

    [GeneratedRegex(@"^(?:sign up|subscribe|get (?:our|the) [\w ’'-]*newsletter|enter your email|never miss|don[’']t miss (?:a|any|out)|stay (?:informed|in the know|up to date)|thanks? (?:you )?for (?:signing up|subscribing)|you (?:can|may) unsubscribe|invalid email|please enter a valid email|join \d[\d,]* (?:readers|subscribers)|(?:have|got) a (?:news )?tip\b|do you have a (?:story|news tip)\b|support (?:our|independent) journalism\b|become a (?:member|subscriber)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NewsletterStart();

    [GeneratedRegex(@"\b(?:sign up|subscribe|delivered|get it|unsubscribe|email address)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewsletterAction();

    /// <summary>The sign-up and cookie small print, not an article sentence about a company's privacy policy: it addresses the reader.</summary>
    [GeneratedRegex(@"\b(?:you agree|you consent|you acknowledge|agree to (?:our|the)|read our|see our|view our|review our|consult our|visit our|under our|in accordance with our)\b.*\b(?:privacy|terms|cookie)|\breCAPTCHA\b|\bwe use cookies\b|\bcookie (?:settings|preferences)\b|^(?:privacy (?:policy|notice)|terms (?:of (?:service|use)|and conditions))\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex PrivacyNotice();

    /// <summary>"Share this article", "Follow us on Instagram", "Follow Jane Doe on X", or a lone "Share"/"Print"; an imperative sentence ("Follow the river north") does not name a network.</summary>
    [GeneratedRegex(@"^(?:share|follow|tweet|email|print|copy link|save|comments?)\b(?:.*\b(?:facebook|twitter|x|linkedin|whatsapp|instagram|threads|bluesky|e-?mail|reddit|tiktok|youtube|telegram|mastodon|this (?:article|story|page|post)|us|link)\b[^.]*|\s*(?:\(\d+\))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareOrFollow();

    /// <summary>Share prompts in the other languages the cleaner reads: "Teilen Sie diesen Artikel", "Partager cet article", "Compartir", "Condividi".</summary>
    [GeneratedRegex(@"^(?:teilen|artikel teilen|partager|partagez|compartir|comparte|condividi|delen|dela|compartilhe|compartilhar)\b[^.]{0,40}$", RegexOptions.IgnoreCase)]
    private static partial Regex LocalizedShare();

    [GeneratedRegex(@"^(?:(?:facebook|twitter|x|linkedin|whatsapp|instagram|email|e-mail|print|reddit|pinterest|copy link|share|tiktok|threads|bluesky|messenger|telegram)[\s,|·•/]*){2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex SocialNamesOnly();

    [GeneratedRegex(@"^(?:read more|related|see also|see more|more from|recommended|most read|trending|watch|listen|don[’']t miss)(?: stories| articles| coverage)?\s*(?:[:|»›>]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedLink();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^(?i:from|source:|this (?:article|story) (?:was |is )?(?:originally )?(?:appeared|published|first appeared|republished)(?: in| on| by| with permission from)?)\s+(?<outlet>(?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}?)\.?$")]
    private static partial Regex SourceLine();
}
